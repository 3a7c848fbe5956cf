package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A watched organisation.
 *
 * @param id stable id, lower-case letters, digits and hyphens (used as Kafka key and metric label)
 * @param name display name
 * @param type kind of organisation
 * @param parent id of the organisation it rolls up to (ICB, region), or null
 * @param handles the organisation's own public social handles (organisational accounts, never individuals)
 */
public record Organisation(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) OrgType type,
    String parent,
    List<String> handles) {

  private static final String TYPE = "Organisation";

  public Organisation {
    Fields.requiredText(TYPE, "id", id);
    if (!OrgIds.isValid(id)) {
      throw new RecordFormatException(TYPE, "id", id, OrgIds.RULE);
    }
    Fields.requiredText(TYPE, "name", name);
    Fields.required(TYPE, "type", type);
    handles = Fields.list(handles);
  }
}
