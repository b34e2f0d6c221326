/** English wording that only the Teams adapter needs (its form controls and notices). */
export const teamsEn: Record<string, string> = {
  'teams.ok': 'OK',
  'teams.send': 'Send',
  'teams.choose': 'Choose …',
  'teams.input.required': 'This needs to be filled in.',
  'teams.date': 'Date',
  'teams.time': 'Time (if you know it)',
  'teams.attachments.how':
    'Attach files with the paperclip in the message box and send them to me. Press "Done" when you are finished.',
  'teams.received': 'Received.',
};
