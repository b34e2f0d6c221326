/** Button ids of the incident report export; `create-bot` sends every `export:` press to `PartyActions`. */
export const EXPORT_ACTION = {
  /** Hands the owner (or the consented municipality) short-lived links to the Bilaga 4 report; value: case id. */
  incident: 'export:incident',
} as const;
