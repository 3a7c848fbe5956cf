package io.nhslistener.streams.match;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.text.LinkDomains;
import io.nhslistener.core.text.MentionFields;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/** Builds the Lucene document a mention is matched as: the fields of {@link MentionFields}. */
final class MentionDocuments {
  private MentionDocuments() {}

  /**
   * The document of {@code mention} with the fields {@code read} accepts: a field no rule reads is neither built nor
   * analysed (the link domains are the costliest).
   */
  static Document of(Mention mention, Predicate<String> read) {
    Document doc = new Document();
    add(doc, read, MentionFields.TEXT, mention.text());
    add(doc, read, MentionFields.SOURCE, mention.source());
    add(doc, read, MentionFields.LANG, primaryLanguage(mention.lang()));
    if (read.test(MentionFields.DOMAIN)) {
      String domains = LinkDomains.of(mention.text(), mention.url());
      add(doc, read, MentionFields.DOMAIN, domains.isEmpty() ? null : domains);
    }
    return doc;
  }

  private static void add(Document doc, Predicate<String> read, String field, String value) {
    if (value != null && read.test(field)) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }

  /** {@code en-GB} and {@code en_gb} are {@code en}; blank is absent. */
  static String primaryLanguage(String lang) {
    if (lang == null || lang.isBlank()) {
      return null;
    }
    String trimmed = lang.trim();
    int cut = 0;
    while (cut < trimmed.length() && trimmed.charAt(cut) != '-' && trimmed.charAt(cut) != '_') {
      cut++;
    }
    return trimmed.substring(0, cut).toLowerCase(Locale.ROOT);
  }
}
