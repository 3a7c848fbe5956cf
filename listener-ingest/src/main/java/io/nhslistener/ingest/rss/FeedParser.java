package io.nhslistener.ingest.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.HtmlText;
import io.nhslistener.ingest.text.PayloadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x/1.0/2.0 and Atom documents to items, through Rome (DOCTYPEs refused, so no external entities). Each entry
 * becomes a mention with id {@code rss:<guid or Atom id>} (the link when there is neither), text = title and the
 * HTML-free summary or content, event time = published (or updated) date, and the feed's language. An entry without
 * any id is malformed on its own. Stateless and thread-safe.
 */
public final class FeedParser {
  public static final String SOURCE = "rss";

  /**
   * @throws PayloadException when the document is not a feed
   */
  public List<Item> parse(byte[] document, Instant ingestedAt) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new InputSource(new ByteArrayInputStream(document)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new PayloadException("not an RSS or Atom feed: " + e.getClass().getSimpleName(), null);
    }
    String lang = language(feed.getLanguage());
    List<Item> items = new ArrayList<>(feed.getEntries().size());
    for (SyndEntry entry : feed.getEntries()) {
      items.add(entry(entry, lang, ingestedAt));
    }
    return items;
  }

  private static Item entry(SyndEntry entry, String lang, Instant ingestedAt) {
    String title = entry.getTitle() == null ? "" : HtmlText.toPlainText(entry.getTitle());
    String id = firstNonBlank(entry.getUri(), entry.getLink());
    try {
      if (id == null) {
        throw new PayloadException("entry.guid", null, "an entry needs a guid, an id or a link");
      }
      Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      String body = HtmlText.toPlainText(body(entry));
      Mention mention = Mention.builder(SOURCE + ":" + id, SOURCE, body.isEmpty() ? title : title + "\n\n" + body,
              published == null ? ingestedAt : published.toInstant(), ingestedAt)
          .url(entry.getLink())
          .lang(lang)
          .build();
      String author = entry.getAuthor();
      return new Item.Post(mention, author == null || author.isBlank() ? null : author);
    } catch (PayloadException | RecordFormatException e) {
      String summary = "title=" + title + " link=" + entry.getLink();
      return new Item.Malformed(summary.getBytes(StandardCharsets.UTF_8), "feed entry: " + e.getMessage());
    }
  }

  private static String body(SyndEntry entry) {
    if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
      return entry.getDescription().getValue();
    }
    StringBuilder text = new StringBuilder();
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null) {
        text.append(content.getValue()).append('\n');
      }
    }
    return text.toString();
  }

  private static String language(String feedLanguage) {
    if (feedLanguage == null || feedLanguage.length() < 2) {
      return null;
    }
    return feedLanguage.substring(0, 2).toLowerCase(Locale.ROOT);
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }
}
