package io.nhslistener.streams.sentiment.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nhslistener.core.model.SentimentLabel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationInputTest {
  @Test
  void parsesLabelsCaseInsensitivelyAndRatings() {
    assertEquals(LabelledText.labelled("ok then", SentimentLabel.POSITIVE), EvaluationInput.parse("Positive\tok then"));
    assertEquals(SentimentLabel.NEGATIVE, EvaluationInput.parse("-0.5\tmeh").gold());
    assertEquals(-0.5, EvaluationInput.parse("-0.5\tmeh").rating());
    assertEquals("text\twith tab", EvaluationInput.parse("neutral\ttext\twith tab").text());
  }

  @Test
  void rejectsMalformedLines() {
    assertNull(EvaluationInput.parse("positive"));
    assertNull(EvaluationInput.parse("\tno label"));
    assertNull(EvaluationInput.parse("positive\t"));
    assertNull(EvaluationInput.parse("great\tnot a label"));
    assertNull(EvaluationInput.parse("NaN\tnot a number"));
  }

  @Test
  void writesWhatItReads() throws IOException {
    StringWriter out = new StringWriter();
    EvaluationInput.write(List.of(LabelledText.rated("a\tb\nc", 1.5), LabelledText.labelled("d", SentimentLabel.NEUTRAL)),
        out);
    assertEquals("1.5\ta b c\nneutral\td\n", out.toString());
  }
}
