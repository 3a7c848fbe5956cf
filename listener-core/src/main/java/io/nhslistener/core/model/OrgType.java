package io.nhslistener.core.model;

/** Kind of NHS organisation; roll-ups go from trusts and federations to ICBs, regions and the national body. */
public enum OrgType {
  TRUST,
  ICB,
  GP_FEDERATION,
  REGION,
  NATIONAL,
  OTHER
}
