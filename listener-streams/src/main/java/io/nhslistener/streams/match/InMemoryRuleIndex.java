package io.nhslistener.streams.match;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.monitor.MonitorConfiguration;

/**
 * The Monitor's rule index with its postings held as plain arrays ({@link DirectPostingsFormat}).
 *
 * <p>Why: presearching a mention is a few dozen term lookups in the rule index, and with the default block-tree terms
 * dictionary over an in-memory directory those lookups (decoding blocks byte by byte) were most of the cost of
 * matching. The rule index is small (tens of thousands of terms for 10,000 rules), so the memory is cheap.
 */
final class InMemoryRuleIndex extends MonitorConfiguration {
  @Override
  protected IndexWriterConfig getIndexWriterConfig() {
    IndexWriterConfig config = super.getIndexWriterConfig();
    config.setCodec(new DirectPostings(Codec.getDefault()));
    return config;
  }

  /** The default codec with every field's postings in memory. Reads back as the default codec by its name. */
  private static final class DirectPostings extends FilterCodec {
    private final PostingsFormat direct = new DirectPostingsFormat();
    private final PostingsFormat perField = new PerFieldPostingsFormat() {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        return direct;
      }
    };

    DirectPostings(Codec delegate) {
      super(delegate.getName(), delegate);
    }

    @Override
    public PostingsFormat postingsFormat() {
      return perField;
    }
  }
}
