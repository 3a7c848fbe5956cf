package io.nhslistener.streams.match;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.monitor.MonitorConfiguration;

/**
 * The Monitor's rule index with its postings held as plain arrays ({@link DirectPostingsFormat}), kept in one segment.
 *
 * <p>Why plain arrays: presearching a mention is a few dozen term lookups in the rule index, and with the default
 * block-tree terms dictionary over an in-memory directory those lookups (decoding blocks byte by byte) were most of the
 * cost of matching. The rule index is small (tens of thousands of terms for 10,000 rules), so the memory is cheap.
 *
 * <p>Why one segment: every Monitor update commits a new segment, and each presearch looks every term up once per
 * segment. A bulk load in batches left twenty segments and cost about a sixth of matching throughput. Each commit
 * therefore merges whatever segments there are into one, in the committing thread before the Monitor reopens its
 * searcher ({@link OneSegment} and a serial merge scheduler). The price is paid by rule changes: replacing one
 * organisation's rules among 10,000 takes about 170 ms instead of 80 ms.
 */
final class InMemoryRuleIndex extends MonitorConfiguration {
  @Override
  protected IndexWriterConfig getIndexWriterConfig() {
    IndexWriterConfig config = super.getIndexWriterConfig();
    config.setCodec(new DirectPostings(Codec.getDefault()));
    config.setMergePolicy(new OneSegment(config.getMergePolicy()));
    config.setMergeScheduler(new SerialMergeScheduler());
    return config;
  }

  /** Merges every segment into one whenever there is more than one and none is being merged already. */
  private static final class OneSegment extends FilterMergePolicy {
    OneSegment(MergePolicy delegate) {
      super(delegate);
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
      if (infos.size() < 2 || infos.asList().stream().anyMatch(context.getMergingSegments()::contains)) {
        return null;
      }
      MergeSpecification all = new MergeSpecification();
      all.add(new OneMerge(infos.asList()));
      return all;
    }
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
