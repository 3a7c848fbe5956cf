package io.nhslistener.streams.match;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.text.LinkDomains;
import io.nhslistener.core.text.MentionFields;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/** Builds the Lucene document a mention is matched as: the fields of {@link MentionFields}. */
final class MentionDocuments {
  private MentionDocuments() {}

  static Document of(Mention mention) {
    Document doc = new Document();
    doc.add(new TextField(MentionFields.TEXT, mention.text(), Field.Store.NO));
    doc.add(new TextField(MentionFields.SOURCE, mention.source(), Field.Store.NO));
    String lang = primaryLanguage(mention.lang());
    if (lang != null) {
      doc.add(new TextField(MentionFields.LANG, lang, Field.Store.NO));
    }
    String domains = LinkDomains.of(mention.text(), mention.url());
    if (!domains.isEmpty()) {
      doc.add(new TextField(MentionFields.DOMAIN, domains, Field.Store.NO));
    }
    return doc;
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
