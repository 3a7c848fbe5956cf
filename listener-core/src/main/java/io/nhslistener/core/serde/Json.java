package io.nhslistener.core.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration every record uses: ISO-8601 instants, unknown fields ignored, explicit nulls omitted,
 * and bounded nesting and string sizes so that hostile input fails fast instead of exhausting the heap.
 */
public final class Json {
  /** Deepest nesting accepted; records nest three levels, so anything near this is hostile. */
  static final int MAX_NESTING_DEPTH = 64;
  /** Longest string value accepted (a long post is a few kB; a 1 MB text is rejected as a whole). */
  static final int MAX_STRING_LENGTH = 256 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .build());
  }

  private Json() {}

  /** The shared, thread-safe mapper. Callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
