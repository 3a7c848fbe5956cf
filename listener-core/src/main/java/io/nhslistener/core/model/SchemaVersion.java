package io.nhslistener.core.model;

/** The schema version every record carries as {@code "v"}; readers reject any other version. */
public final class SchemaVersion {
  /** The only version this build writes and reads. */
  public static final int CURRENT = 1;

  private SchemaVersion() {}
}
