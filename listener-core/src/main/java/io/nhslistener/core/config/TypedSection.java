package io.nhslistener.core.config;

import java.util.Map;
import java.util.Set;

/**
 * A configuration section holding named entries of several types, each type with its own schema: {@code sources}
 * (a list whose entries carry {@code id} and {@code type}) and {@code routes} (a map from route id to an entry
 * carrying {@code channel}).
 *
 * @param name top-level key
 * @param keyedByMap true when the section is a map from id to entry, false when it is a list of entries with an
 *     {@code id} key
 * @param typeKey the entry key naming its type
 * @param schemas schema of each type, by type name
 */
public record TypedSection(String name, boolean keyedByMap, String typeKey, Map<String, ConfigSchema> schemas) {
  public TypedSection {
    schemas = Map.copyOf(schemas);
  }

  /** The type names this section accepts. */
  public Set<String> types() {
    return schemas.keySet();
  }
}
