/** Button ids of the police-report helper; `create-bot` sends every `police:` press to `PartyActions`. */
export const POLICE_ACTION = {
  /** Shows the ready text for 114 14 or the police's web form; value: case id. */
  text: 'police:text',
  /** Records the police's case number (diarienummer); value: case id, input: the number. */
  number: 'police:number',
} as const;
