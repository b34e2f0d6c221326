/** English wording of the police-report helper (seed 003 Bilaga 3; 000; 001; 004 §3.1.2–3.1.3). */
export const policeEn: Record<string, string> = {
  'police.title': 'Police report – text to read out or paste ({number})',
  'police.intro':
    'Call the police on 114 14 and read out the text below, or paste it into the police report form on polisen.se. Vaktpost reports nothing itself.',
  'police.intro_urgent':
    'If anyone is in danger now or it is still going on: call 112 first. Otherwise call 114 14 and read out the text below, or paste it on polisen.se. Vaktpost reports nothing itself.',
  'police.decision':
    'The exposed person decides whether to report to the police. We always recommend reporting – rather too much than too little. Anyone can make the report.',
  'police.have_ready':
    "Have ready: the exposed person's first and last name, personal identity number and contact details, and the workplace's address and phone number.",
  'police.heading.what': 'What happened, when and where',
  'police.heading.office': 'Political office',
  'police.heading.perpetrator': 'Who did it',
  'police.heading.evidence': 'Witnesses, evidence and injuries',
  'police.heading.requests': 'What I ask for',
  'police.text.blank': '(fill in)',
  'police.text.the_person': 'the exposed person',
  'police.text.me': 'I',
  'police.text.none_given': 'no description',
  'police.text.what': 'This happened: {text}',
  'police.text.kind': 'It is: {categories}. It came by: {channels}.',
  'police.text.when': 'When: {when}.',
  'police.text.ongoing': 'It is still going on.',
  'police.text.where': 'Where: {where}.',
  'police.text.on_behalf': 'I am reporting on behalf of {name}. My relation to them: {relation}.',
  'police.text.office_other': '{name} is an elected official holding political office as {role} in {place}.',
  'police.text.office_self': 'I am an elected official holding political office as {role} in {place}.',
  'police.text.office_link': 'The event may be linked to the political office.',
  'police.text.trigger': 'Possible trigger: {trigger}.',
  'police.text.perpetrator': 'Perpetrator: {known}, {count}. Description: {description}.',
  'police.text.group': 'The perpetrator may belong to a group: {group}.',
  'police.text.hate_crime':
    'There is a hate-crime motive (for example skin colour, origin, religion or sexual orientation). I ask that it is stated in the report and investigated as a hate crime.',
  'police.text.hate_crime_maybe':
    'There may be a hate-crime motive (for example skin colour, origin, religion or sexual orientation). I ask that it is looked into.',
  'police.text.witnesses': 'Witnesses: {witnesses}.',
  'police.text.witnesses_blank': '(fill in if anyone else saw or heard it)',
  'police.text.evidence': 'Evidence kept: {evidence}. Nothing has been deleted.',
  'police.text.evidence_blank':
    'Evidence kept: (fill in – screenshots, texts, letters, recordings, videos, photos). Keep everything, delete nothing.',
  'police.text.injuries':
    'Injuries: (fill in whether healthcare has documented the injuries, where and when). Injuries should be documented again over time, as they can become more visible.',
  'police.text.protected': 'I ask that the report be access-protected (åtkomstskyddad).',
  'police.text.feedback': 'I ask for continuous feedback from the investigator in charge on how the case is handled.',
  'police.text.case_number': "The police's case number: {number}.",
  'police.offer.title': 'Police report for {number}',
  'police.offer.text':
    "Do you want to report to the police? I have a ready text to read out at 114 14 or paste on polisen.se. When you have the police's case number, you can add it here.",
  'police.offer.has_number': "The police's case number is saved. The text for the police is here if you need it again.",
  'police.action.text': 'Help with the police report',
  'police.action.add_number': "Add the police's case number",
  'police.action.change_number': "Change the police's case number",
  'police.input.number': "The police's case number (in the police's confirmation)",
  'police.number_saved': "Thank you. The police's case number {police} is saved on case {number}.",
  'police.number_added': "{name} saved the police's case number {police} on case {number}.",
  'police.field.number': "Police's case number",
  'police.digest.number_missing':
    'Police report: the exposed person wanted to report, but no police case number is saved after a week. Check how it went.',
  'case.timeline.police_number': "{at} {by} saved the police's case number {detail}",
  'error.police.number_invalid':
    'That does not look like a police case number. Write it as it stands in the confirmation from the police, for example 5000-K123456-26.',
};
