package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;

/**
 * The rule index stays one segment however it is updated: the Monitor commits a new segment per update (a bulk load
 * is several), and every presearch looks each term up once per segment.
 */
class InMemoryRuleIndexTest {
  @Test
  void everyCommitLeavesOneSegment() throws IOException {
    try (IndexWriter writer = new InMemoryRuleIndex().buildIndexWriter()) {
      for (int commit = 1; commit <= 5; commit++) {
        for (int rule = 0; rule < 50; rule++) {
          writer.addDocument(rule(commit + "/" + rule));
        }
        writer.commit();
        assertSegmentsAndRules(writer, 1, 50 * commit);
      }
    }
  }

  @Test
  void replacingOneRuleLeavesOneSegment() throws IOException {
    try (IndexWriter writer = new InMemoryRuleIndex().buildIndexWriter()) {
      for (int rule = 0; rule < 50; rule++) {
        writer.addDocument(rule("org/" + rule));
      }
      writer.commit();
      // How the Monitor replaces a rule: delete by id, add, commit.
      writer.deleteDocuments(new Term("id", "org/7"));
      writer.addDocument(rule("org/7"));
      writer.commit();
      assertSegmentsAndRules(writer, 1, 50);
    }
  }

  private static Document rule(String id) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.NO));
    return doc;
  }

  private static void assertSegmentsAndRules(IndexWriter writer, int segments, int rules) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      assertEquals(segments, reader.leaves().size(), "segments");
      assertEquals(rules, reader.numDocs(), "live rules");
    }
  }
}
