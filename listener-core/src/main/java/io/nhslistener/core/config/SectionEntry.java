package io.nhslistener.core.config;

/**
 * One entry of a {@link TypedSection}: a source instance or a route.
 *
 * @param id entry id (source instance id, route id)
 * @param type its type (connector type, channel)
 * @param values its settings, parsed with the type's schema
 */
public record SectionEntry(String id, String type, ConfigValues values) {
  public <T> T get(Setting<T> setting) {
    return values.get(setting);
  }
}
