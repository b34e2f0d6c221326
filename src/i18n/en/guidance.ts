/** English guidance cards: before, during and after meetings (seeds 000, 001, 003), hate storms, digital safety. */
export const guidanceEn: Record<string, string> = {
  'guide.name': 'the advice',
  'guide.menu': 'Advice and checklists',
  'guide.menu_description':
    'Advice and checklists: before, during and after meetings, when a storm hits social media, and for your digital safety.',
  'guide.topic.question': 'What would you like to read about?',
  'guide.topic.hint': 'Short advice and checklists. If anyone is in danger right now: call 112.',
  'guide.topic.label': 'Topic',
  'guide.emergency': 'If anyone is in danger right now: call 112.',
  'guide.offer.title': 'More support when you feel up to it',
  'guide.offer.line': 'Short advice that may fit. Read it when it suits you.',
  'guide.meeting_before.title': 'Before the meeting or activity',
  'guide.meeting_before.1':
    'Do a risk inventory: write "risk inventory" and we go through WHO, WHAT, HOW, WHERE and WHEN.',
  'guide.meeting_before.2':
    'Apply to the police for a permit for meetings in public places, and talk to them beforehand. They advise on safety.',
  'guide.meeting_before.3':
    'Do not be alone if there is a risk. Decide beforehand who does what and how you reach each other.',
  'guide.meeting_before.4':
    "Place the speaker's spot with the back free, against a wall or backdrop, and know where the exits are.",
  'guide.meeting_before.5':
    'Find out what the place looks like. Plan the way there and home, and do not park somewhere deserted.',
  'guide.meeting_before.6':
    'In the venue: look at the entrance, the emergency exits, the signs, the fire extinguishers and the toilets, and for things that do not belong.',
  'guide.meeting_during.title': 'During the meeting',
  'guide.meeting_during.1': 'Take no needless risks. Call 112 in a threatening situation.',
  'guide.meeting_during.2':
    'Keep your distance and do not stand right in front of an upset person. Stay calm, listen and offer options.',
  'guide.meeting_during.3': 'Make room to breathe: move to another room or place, and take someone with you.',
  'guide.meeting_during.4': 'Ask the person disturbing to leave, kindly but firmly. Call the police if it goes on.',
  'guide.meeting_during.5': 'Alert others if needed, by calling out or by phone.',
  'guide.meeting_after.title': 'After the meeting',
  'guide.meeting_after.1': 'If anyone was hurt: get medical care, both for the help and so the injury is documented.',
  'guide.meeting_after.2': 'Write down what happened, before, during and after. Keep pictures and messages.',
  'guide.meeting_after.3':
    'Report to the police: 112 if it is urgent, otherwise 114 14 or polisen.se. Say that you hold political office and ask for protected personal details.',
  'guide.meeting_after.4': 'Report it here too, so the district security contacts know. Write "report".',
  'guide.hate_storm.title': 'When a storm hits social media',
  'guide.hate_storm.1':
    'Many hateful posts often come from a few people with many accounts. It is not what people in general think.',
  'guide.hate_storm.2': 'Do not comment on threats or nasty posts, in the feed or in interviews. Give them no air.',
  'guide.hate_storm.3': 'Take screenshots first, with date and account, before you block or delete anything.',
  'guide.hate_storm.4': 'Block and report threatening accounts to the platform.',
  'guide.hate_storm.5':
    'You do not have to read it all yourself. Someone you trust can log in to your account and block for you.',
  'guide.hate_storm.6':
    'Report to the police what is unpleasant, also when it is not an outright threat. Better too much than too little, but you who own the account decide.',
  'guide.digital.title': 'Protect yourself digitally',
  'guide.digital.1': 'Use two-factor authentication on all your accounts.',
  'guide.digital.2': 'Turn off geotags and location sharing in your apps.',
  'guide.digital.3': 'Keep private and public apart. Do not post pictures of your children in open feeds.',
  'guide.digital.4': 'Do not post where you are right now. Wait until you have left.',
  'guide.digital.5': 'Ask before you post pictures of someone else.',
};
