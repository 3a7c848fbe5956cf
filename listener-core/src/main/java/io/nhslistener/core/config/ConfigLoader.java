package io.nhslistener.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code listener.yaml}: top-level settings of one schema, Kafka client properties under {@code kafka:}, and
 * typed sections. Every key can be overridden by its {@code LISTENER_…} environment variable. All problems are
 * collected and thrown together as a {@link ConfigException}.
 */
public final class ConfigLoader {
  private static final String KAFKA = "kafka";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final ConfigSchema schema;
  private final List<TypedSection> sections;
  private final Map<String, String> env;

  /**
   * @param schema top-level settings
   * @param sections typed sections ({@code sources}, {@code routes})
   * @param env environment variables, normally {@code System.getenv()}
   */
  public ConfigLoader(ConfigSchema schema, List<TypedSection> sections, Map<String, String> env) {
    this.schema = schema;
    this.sections = List.copyOf(sections);
    this.env = Map.copyOf(env);
  }

  /**
   * Loads and validates a file.
   *
   * @throws ConfigException listing every problem, including an unreadable or unparsable file
   */
  public ListenerConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.toString(), null, "file not found")));
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.toString(), null, "cannot read: " + e.getMessage())));
    }
    return parse(text, file.toString());
  }

  /** Validates YAML text; {@code origin} names it in messages. */
  public ListenerConfig parse(String yaml, String origin) {
    JsonNode root;
    try {
      root = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
      throw new ConfigException(List.of(new ConfigProblem(origin + where, null,
          "not valid YAML: " + e.getOriginalMessage())));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = YAML.createObjectNode();
    }
    List<ConfigProblem> problems = new ArrayList<>();
    if (!root.isObject()) {
      throw new ConfigException(List.of(new ConfigProblem(origin, null, "expected a mapping of keys at the top")));
    }
    References references = new References(env);
    Map<String, String> kafka = kafkaProperties(root.get(KAFKA), references, problems);
    Map<String, List<SectionEntry>> parsedSections = new LinkedHashMap<>();
    Map<String, Object> flat = new LinkedHashMap<>();
    Set<String> sectionNames = new HashSet<>();
    sections.forEach(section -> sectionNames.add(section.name()));
    root.fields().forEachRemaining(field -> {
      if (!field.getKey().equals(KAFKA) && !sectionNames.contains(field.getKey())) {
        flatten(field.getValue(), field.getKey(), flat, problems);
      }
    });
    ConfigValues values = schema.parse(flat, "", references, env, problems);
    for (TypedSection section : sections) {
      parsedSections.put(section.name(), parseSection(section, root.get(section.name()), references, problems));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ListenerConfig(values, kafka, parsedSections);
  }

  private Map<String, String> kafkaProperties(JsonNode node, References references, List<ConfigProblem> problems) {
    Map<String, Object> flat = new LinkedHashMap<>();
    if (node != null && !node.isNull()) {
      flatten(node, "", flat, problems);
    }
    Map<String, String> properties = new TreeMap<>();
    flat.forEach((key, raw) -> {
      if (!KafkaClientKeys.isKnown(key)) {
        problems.add(new ConfigProblem(KAFKA + "." + key, null, "unknown Kafka client property"));
      } else {
        addKafka(properties, key, raw, references, problems);
      }
    });
    for (String name : KafkaClientKeys.KNOWN) {
      String envName = Setting.envNameOf(KAFKA + "." + name);
      if (env.containsKey(envName)) {
        addKafka(properties, name, env.get(envName), references, problems);
      }
    }
    return properties;
  }

  private static void addKafka(Map<String, String> properties, String key, Object raw, References references,
      List<ConfigProblem> problems) {
    try {
      properties.put(key, ValueTypes.STRING.parse(references.resolve(raw)));
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(KAFKA + "." + key, null, e.getMessage()));
    }
  }

  private List<SectionEntry> parseSection(TypedSection section, JsonNode node, References references,
      List<ConfigProblem> problems) {
    List<SectionEntry> entries = new ArrayList<>();
    if (node == null || node.isNull()) {
      return entries;
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    if (section.keyedByMap()) {
      if (!node.isObject()) {
        problems.add(new ConfigProblem(section.name(), null, "expected a mapping from id to settings"));
        return entries;
      }
      node.fields().forEachRemaining(field -> byId.put(field.getKey(), field.getValue()));
    } else {
      if (!node.isArray()) {
        problems.add(new ConfigProblem(section.name(), null, "expected a list of entries, each with an id"));
        return entries;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode entry = node.get(i);
        JsonNode id = entry.get("id");
        String prefix = section.name() + "[" + i + "]";
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
          problems.add(new ConfigProblem(prefix + ".id", null, "is required"));
        } else if (byId.putIfAbsent(id.asText(), entry) != null) {
          problems.add(new ConfigProblem(prefix + ".id", id.asText(), "duplicate id"));
        }
      }
    }
    byId.forEach((id, entry) -> {
      String prefix = section.name() + "." + id;
      if (!entry.isObject()) {
        problems.add(new ConfigProblem(prefix, null, "expected a mapping of settings"));
        return;
      }
      JsonNode typeNode = entry.get(section.typeKey());
      String type = typeNode == null ? null : typeNode.asText();
      ConfigSchema typeSchema = type == null ? null : section.schemas().get(type);
      if (typeSchema == null) {
        problems.add(new ConfigProblem(prefix + "." + section.typeKey(), type,
            (type == null ? "is required" : "unknown") + "; one of " + new TreeMap<>(section.schemas()).keySet()));
        return;
      }
      Map<String, Object> flat = new LinkedHashMap<>();
      flatten(entry, "", flat, problems);
      flat.remove(section.typeKey());
      if (!section.keyedByMap()) {
        flat.remove("id");
      }
      // Entries of a list have no stable environment names, so overrides do not apply; references still do.
      entries.add(new SectionEntry(id, type, typeSchema.parse(flat, prefix, references, null, problems)));
    });
    return entries;
  }

  /** Flattens nested mappings into dotted keys; lists of scalars stay lists. */
  private static void flatten(JsonNode node, String path, Map<String, Object> out, List<ConfigProblem> problems) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out, problems));
    } else if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isValueNode()) {
          problems.add(new ConfigProblem(path, null, "expected a list of plain values"));
          return;
        }
        items.add(scalar(item));
      }
      out.put(path, items);
    } else if (!node.isNull()) {
      out.put(path, scalar(node));
    }
  }

  private static Object scalar(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    } else if (node.isNumber()) {
      return node.doubleValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }
}
