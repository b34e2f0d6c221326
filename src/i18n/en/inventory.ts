/** English wording of the risk inventory before a meeting or public activity (seed 001 Riskinventering). */
export const inventoryEn: Record<string, string> = {
  'risk.name': 'the risk inventory',
  'risk.title': 'Risk inventory',
  'risk.menu': 'Risk inventory before a meeting',
  'risk.menu_description':
    'Risk inventory: a few short questions before a meeting or a public activity, so you can plan.',
  'risk.intro':
    'A risk inventory before a meeting or activity. I ask about WHO, WHAT, HOW, WHERE and WHEN. Answer LOW, MODERATE or HIGH as you feel it; there are no wrong answers. If anyone is in danger right now: call 112.',
  'risk.q.activity': 'Which meeting or activity is it, and when?',
  'risk.q.activity_hint': 'For example: square meeting in Norrby, Saturday 2 pm. Keep it short.',
  'risk.q.who': 'WHO will you meet? How do you rate the risk from the people you meet, or who may turn up?',
  'risk.q.what': 'WHAT will you do or talk about? How do you rate the risk of the subject?',
  'risk.q.how':
    'HOW does the meeting happen, for example open to all, outdoors, or by registration? How do you rate the risk?',
  'risk.q.where_when':
    'WHERE and WHEN is it? Think of whether the place is new to you, whether it is late, and the way there and home.',
  'risk.q.tension': 'Are there signs that the subject creates tension?',
  'risk.q.earlier_threats': 'Have earlier questions in this area led to threats or hate?',
  'risk.q.political_tension': 'Is there political tension around the question?',
  'risk.q.media': 'Is the question much discussed on social media or in the news?',
  'risk.q.groups': 'Does the question engage groups known for threats and hate?',
  'risk.q.trust': 'How is trust in the party and in you right now? Low trust means higher risk.',
  'risk.q.send':
    'Would you like to send the inventory to the security contacts of your district? They can help you plan.',
  'risk.q.send_hint': 'They see your answers and which activity it is. It is not an alert of a threat.',
  'risk.rating.hint': 'LOW, MODERATE or HIGH. Your own judgement is enough.',
  'risk.rating.low': 'LOW',
  'risk.rating.moderate': 'MODERATE',
  'risk.rating.high': 'HIGH',
  'risk.label.activity': 'Activity',
  'risk.label.who': 'WHO',
  'risk.label.what': 'WHAT',
  'risk.label.how': 'HOW',
  'risk.label.where_when': 'WHERE and WHEN',
  'risk.label.tension': 'Tension around the subject',
  'risk.label.earlier_threats': 'Earlier threats and hate',
  'risk.label.political_tension': 'Political tension',
  'risk.label.media': 'Social media and news',
  'risk.label.groups': 'Groups known for threats',
  'risk.label.trust': 'Trust',
  'risk.label.send': 'Send to the security contacts',
  'risk.advice.title': 'Consider preventive measures',
  'risk.advice.counts': 'MODERATE on {moderate} and HIGH on {high} questions.',
  'risk.advice.measures':
    'The action plan then recommends that you consider preventive measures and talk to your party or your security contact. For example: do not go alone, decide beforehand how you get there and home, find out what the place looks like and where the exits are, and tell someone where you are.',
  'risk.advice.emergency': 'If anyone is in danger right now: call 112.',
  'risk.no_advice':
    'Thank you for taking the time. Your answers do not reach the level where the action plan recommends extra measures. Your own feeling still counts: if something changes, or feels wrong, get in touch with the security contacts. If anyone is in danger: call 112.',
  'risk.not_sent': 'All right, it is not sent. You can always talk to your party or your security contact.',
  'risk.sent':
    'Thank you. The inventory is sent to the security contacts of {district}. You will hear here when someone has taken it.',
  'risk.card.title': 'Risk inventory before {activity}',
  'risk.card.from': 'From {name} in {district}.',
  'risk.card.not_alert':
    'This is not an alert of a threat but planning before an activity. Get in touch and plan together.',
  'risk.card.take': 'Take it on',
  'risk.card.taken_by': 'Taken on by {name}.',
  'risk.card.you_own': 'You are taking it on, {name}. Get in touch with the member and plan together.',
  'risk.take.already': 'It was already taken by {name}. Thank you for being quick.',
  'risk.take.not_contact': 'Only the security contacts of {district} can take it.',
  'risk.take.gone': 'I cannot find that risk inventory any more.',
  'risk.take.member_told': '{name} is taking on your risk inventory and will get in touch with you.',
};
