package io.nhslistener.ingest.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.serde.Json;
import java.io.IOException;

/** Reads an API's JSON answer (a timeline page, a token, a rule list) whose failure is worth a retry. */
public final class JsonBodies {
  private JsonBodies() {}

  /**
   * @param what the endpoint, for the message
   * @throws IOException when the body is not JSON; the message names the endpoint and position, never the content
   *     (a parser's excerpt could hold a post or a handle, and this message reaches the log)
   */
  public static JsonNode read(byte[] body, String what) throws IOException {
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node == null ? Json.mapper().missingNode() : node;
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new IOException("unreadable JSON from " + what + where);
    }
  }
}
