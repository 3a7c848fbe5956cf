package io.nhslistener.ingest.runner;

import java.util.Optional;

/** Reads the last committed position of a source instance. */
@FunctionalInterface
public interface CursorStore {
  /**
   * @param sourceId source instance id
   * @return the position committed last, or empty when the source never committed one
   */
  Optional<String> position(String sourceId);
}
