package io.nhslistener.alerts.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.serde.JsonSerde;
import java.time.Instant;

/**
 * One organisation's detection state, the value of the {@value AlertTopology#STATE_STORE} store: the detector's
 * snapshot and the last window judged (windows at or before it are replays and are ignored). JSON with a layout
 * version of its own, so that a future layout can be told apart; about 1.5 kB.
 *
 * @param v state layout version, {@value #VERSION}
 * @param detector {@link io.nhslistener.alerts.detect.OrgAlertDetector#snapshot()} bytes (Base64 in JSON)
 * @param lastWindowStart start of the last window judged
 */
record OrgState(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) byte[] detector,
    @JsonProperty(required = true) Instant lastWindowStart) {
  static final int VERSION = 1;
  static final JsonSerde<OrgState> SERDE = new JsonSerde<>(OrgState.class);

  OrgState {
    if (v != VERSION) {
      throw new RecordFormatException("OrgState", "v", v, "unsupported state layout; this build reads v" + VERSION);
    }
    if (detector == null || detector.length == 0) {
      throw new RecordFormatException("OrgState", "detector", null, "is required");
    }
    if (lastWindowStart == null) {
      throw new RecordFormatException("OrgState", "lastWindowStart", null, "is required");
    }
  }

  static OrgState of(byte[] detector, Instant lastWindowStart) {
    return new OrgState(VERSION, detector, lastWindowStart);
  }
}
