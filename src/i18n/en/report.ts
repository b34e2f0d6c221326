/** English wording of the report dialog (seed 003 Bilaga 4) and the advice after it. */
export const reportEn: Record<string, string> = {
  'report.intro':
    'Hello, I am Vaktpost. Here you can report threats, hate, violence or harassment against you or someone else who holds a political office. It takes a few minutes and you can pause whenever you like. If anyone is in danger right now: call 112.',
  'report.summary_title': 'Your report',

  'report.emergency.question': 'Is anyone in danger right now, or is it still going on?',
  'report.emergency.hint':
    'Answer yes if anyone is in danger or if it is happening right now. Want help at once and to tell the rest later? Choose "Send now, tell more later".',
  'report.emergency.choice.yes': 'Yes',
  'report.emergency.choice.no': 'No',
  'report.emergency.choice.send_now': 'Send now, tell more later',
  'report.emergency.help':
    'If anyone is in danger: call 112 first, before you go on here. The report can wait, and your answers are kept.',
  'report.emergency.label': 'Danger now or ongoing',
  'report.emergency.call_112':
    'Call 112 now if you have not already. Get to a safe place, preferably with someone else. Go on here when you are safe – your answers are kept.',

  'report.on_behalf.question': 'Is the report about you or about someone else?',
  'report.on_behalf.hint':
    'You may report on behalf of someone else, for example as their support person or colleague.',
  'report.on_behalf.label': 'The report is about',
  'report.on_behalf.choice.self': 'Myself',
  'report.on_behalf.choice.on_behalf': 'Someone else',

  'report.relation.question': 'How are you related to the person who was targeted?',
  'report.relation.hint': 'For example colleague, fellow party member, relative or support person.',
  'report.relation.label': 'Your relation to them',

  'report.reporter_name_role.question': 'What is your role, for example in the party?',
  'report.reporter_name_role.hint':
    'I already have your name. For example a colleague in the council group, or a support person.',
  'report.reporter_name_role.label': 'You, reporting',

  'report.target_name.question': 'What is the name of the person who was targeted?',
  'report.target_name.hint': 'The name is needed so that the right person gets help.',
  'report.target_name.label': 'Person targeted',

  'report.categories.question': 'What happened? Choose everything that applies.',
  'report.categories.hint': 'In the next question you can describe it in your own words.',
  'report.categories.label': 'What happened',
  'report.category.threat': 'Threat',
  'report.category.violence_person': 'Violence against a person',
  'report.category.violence_property': 'Violence against property (for example a car, home or premises)',
  'report.category.harassment': 'Harassment (for example mapping, stalking or orders made in your name)',
  'report.category.vandalism': 'Vandalism (for example graffiti or destroyed campaign material)',
  'report.category.theft': 'Theft',
  'report.category.improper_influence': 'Other improper influence (for example pressure or attempted bribery)',

  'report.description.question': 'Describe what happened, in your own words.',
  'report.description.hint':
    'As much detail as you can manage: what was said or done, word for word if possible. At most 4,000 characters.',
  'report.description.help':
    'Write it as you remember it and quote the threat word for word if you can. It does not matter if it is incomplete – the security contact can ask more. You can send screenshots and photos later.',
  'report.description.label': 'Description',

  'report.channels.question': 'How did it happen? Choose everything that applies.',
  'report.channels.hint': 'For example on social media, by text message, on the phone, by letter or face to face.',
  'report.channels.label': 'How it happened',
  'report.channel.social_media': 'Social media',
  'report.channel.email': 'E-mail',
  'report.channel.sms': 'Text message (SMS)',
  'report.channel.phone': 'Phone call',
  'report.channel.letter': 'Letter or parcel',
  'report.channel.in_person_home': 'Someone came to my home',
  'report.channel.in_person_public': 'Someone came up to me in a public place',
  'report.channel.meeting': 'At a meeting or session',
  'report.channel.other': 'Some other way',

  'report.when.question': 'When did it happen?',
  'report.when.hint':
    'Write the date and, if you can, the time, for example 2026-03-09 21:15, or "today" or "yesterday". You can also use your own words, for example "several times since the summer".',
  'report.when.label': 'When',

  'report.more.question': 'Thank you, I now have what matters most. Do you want to send the report now or tell more?',
  'report.more.hint':
    'More details help the security contact, but every question that follows can be skipped. If you send now, the security contact can ask about the rest.',
  'report.more.label': 'More details',
  'report.more.summary_action': 'Tell more',
  'report.more.details_intro':
    'Thank you. A few more questions about the details follow. You can skip any of them, and when you have said what you want to say, write "send".',
  'report.part.details': 'More details, all optional: question',
  'report.more.choice.submit_now': 'Send now',
  'report.more.choice.tell_more': 'Tell more',

  'report.ongoing.question': 'Is it still going on, for example with new messages arriving?',
  'report.ongoing.label': 'Still going on',

  'report.where_place.question': 'Where did it happen?',
  'report.where_place.hint': 'For example at home, in the square, in the council chamber or on the way home.',
  'report.where_place.label': 'Place',

  'report.where_link.question': 'Did it happen online? If so, write the platform or paste a link.',
  'report.where_link.hint': 'For example Facebook, Instagram, X or a link to the post.',
  'report.where_link.label': 'Platform or link',

  'report.evidence.question':
    'Do you have evidence, for example screenshots or photos? Send them here and press "Done" when you are finished.',
  'report.evidence.hint': 'Save everything and delete nothing – not even what you send here.',
  'report.evidence.help':
    'How to keep evidence: save everything and delete nothing. Take screenshots of both the post and the profile that wrote it. Keep text messages, e-mails and voice messages. A letter or parcel: touch it as little as possible, put it in a plastic bag and do not open anything more. If you have no files to send, press "Done".',
  'report.evidence.label': 'Attached files',

  'report.evidence_note.question': 'Is there other evidence you cannot send here? Tell me where it is.',
  'report.evidence_note.hint': 'For example a letter in a plastic bag, a voice message, a recording or a call log.',
  'report.evidence_note.label': 'Other evidence',

  'report.police.question': 'Has anyone talked to the police about this?',
  'report.police.hint': 'Whether to report to the police is for the person targeted to decide. We always recommend it.',
  'report.police.help':
    'If it is acute or still going on: call 112. Otherwise call the police on 114 14 or report at polisen.se. Say that it concerns an elected official and that the event may be linked to their office. Once the report is sent you will get more advice about reporting to the police.',
  'report.police.label': 'Police',
  'report.police.choice.not_contacted': 'No, not yet',
  'report.police.choice.contacted': 'Yes, but it is not reported',
  'report.police.choice.reported': 'Yes, it is reported to the police',
  'report.police.choice.wants_help': 'No, but I want help to report',

  'report.police_when.question': 'When did you talk to the police?',
  'report.police_when.label': 'When the police were contacted',

  'report.police_case_number.question': 'What case number did the police report get?',
  'report.police_case_number.hint':
    'It is in the confirmation from the police. Skip this if you do not have it at hand.',
  'report.police_case_number.label': 'Police case number',

  'report.consent_municipality.question': "May the case be shared with the municipality's security officer?",
  'report.consent_municipality.hint':
    "If you answer no, only the party's security contacts see the case. It is for the person targeted to decide.",
  'report.consent_municipality.help':
    "The municipality's security officer can, for example, help with protection in the municipality's buildings and at meetings. The case is shared only if you answer yes. If you answer no, or skip the question, only the party's security contacts see it.",
  'report.consent_municipality.label': 'May be shared with the municipality',
  'report.reach.question': 'How can the person looking after your case reach you most easily?',
  'report.reach.hint': 'Only the person looking after your case sees it. You can change it later.',
  'report.reach.label': 'How to reach you',
  'report.reach.choice.phone': 'Call or text me',
  'report.reach.choice.email': 'E-mail me',
  'report.reach.choice.chat': 'Only here in the chat',
  'report.reach_phone.question': 'Which phone number?',
  'report.reach_phone.hint': 'For example 070-123 45 67.',
  'report.reach_phone.label': 'Phone',
  'report.reach_phone.invalid':
    'That does not look like a phone number. Write the digits with the area code, for example 070-123 45 67.',
  'report.reach_email.question': 'Which e-mail address?',
  'report.reach_email.hint': 'For example name@example.org.',
  'report.reach_email.label': 'E-mail',
  'report.reach_email.invalid':
    'That does not look like an e-mail address. It needs an @ with a dot after it, for example name@example.org.',

  'report.support_needed.question': 'Do you, or the person targeted, need support or help?',
  'report.support_needed.label': 'Support needed',

  'report.support_needs.question': 'What support would help?',
  'report.support_needs.hint':
    'For example someone to talk to, company on the way home or to meetings, or help with a police report.',
  'report.support_needs.label': 'What support',

  'report.support_person.question': 'Is there someone you would like as a support person? If so, write who.',
  'report.support_person.hint': 'For example a colleague, a friend or a relative.',
  'report.support_person.label': 'Support person',

  'report.target_role.question': 'What political office does the person targeted hold?',
  'report.target_role.hint': 'For example member of the council, a committee or a board.',
  'report.target_role.label': 'Office',

  'report.perpetrator_known.question': 'Do you know who did it?',
  'report.perpetrator_known.label': 'Knows who it is',
  'report.perpetrator_known.choice.known': 'Yes, I know who it is',
  'report.perpetrator_known.choice.unknown': 'No, it is someone unknown',
  'report.perpetrator_known.choice.dont_know': 'Not sure',

  'report.perpetrator_count.question': 'Was it one person or several?',
  'report.perpetrator_count.label': 'One or several',
  'report.perpetrator_count.choice.one': 'One',
  'report.perpetrator_count.choice.several': 'Several',
  'report.perpetrator_count.choice.dont_know': "Don't know",

  'report.perpetrator_description.question': 'Describe the person or people who did it, as well as you can.',
  'report.perpetrator_description.hint':
    'For example gender, approximate age, build and height, dialect, and distinctive features such as scars or clothes.',
  'report.perpetrator_description.label': 'Description of the person who did it',

  'report.perpetrator_group.question':
    'Do you think the person who did it belongs to a group or organisation? Which one?',
  'report.perpetrator_group.label': 'Group or organisation',

  'report.perpetrator_others.question': 'Do you know whether the person has done this to other elected officials?',
  'report.perpetrator_others.label': 'Has done this to other elected officials',

  'report.hate_crime.question':
    'Could it have happened because of hatred of skin colour, origin, religion or sexual orientation?',
  'report.hate_crime.hint': 'That is called a hate crime, and if so it should be stated in a police report.',
  'report.hate_crime.help':
    'A hate crime is when someone is attacked because of their skin colour, national or ethnic origin, religion or belief, or sexual orientation. It can lead to a harsher sentence, so it is important that it is in the police report. Answer "Don\'t know" if you are unsure.',
  'report.hate_crime.label': 'Possible hate crime',

  'report.sexual_character.question': 'Was what happened of a sexual nature?',
  'report.sexual_character.label': 'Sexual nature',

  'report.trigger.question': 'Is there anything that may have set it off?',
  'report.trigger.hint': 'For example a political issue, a decision, a statement or an article.',
  'report.trigger.label': 'Possible trigger',

  'report.witnesses.question': 'Did anyone else see or hear what happened? If so, who?',
  'report.witnesses.hint': 'For example another elected official or a family member.',
  'report.witnesses.label': 'Witnesses',

  'report.reached_target.question': 'Did it reach the person it was aimed at?',
  'report.reached_target.hint': 'Sometimes a threat reaches someone else first, for example a colleague or a relative.',
  'report.reached_target.label': 'Reached them',

  'report.experience.question': 'How did you (or the person targeted) experience what happened?',
  'report.experience.hint':
    'For example frightening or not, meant seriously or not, or something else. Every reaction is normal.',
  'report.experience.label': 'Experience',

  'report.informed_relatives.question': 'Have any relatives been told? If so, who?',
  'report.informed_relatives.label': 'Relatives who know',

  'report.informed_municipality.question':
    'Has anyone at the municipality been told, for example the security officer? If so, who?',
  'report.informed_municipality.label': 'Who knows at the municipality',

  'report.measures.question': 'Has anything already been decided or done?',
  'report.measures.hint': 'For example a police report, protective measures or company to meetings.',
  'report.measures.label': 'Measures decided',

  'report.after.police.title': 'Reporting to the police – our advice',
  'report.after.police.urgent': 'If anyone is in danger or it is still going on: call 112 now.',
  'report.after.police.already_reported':
    'You have already reported it to the police. If anything more happens you can add to the report – give the case number.',
  'report.after.police.wants_help': 'You want help to report it. The security contact can help you with that.',
  'report.after.police.decision':
    'Whether to report to the police is for the person targeted to decide. We always recommend reporting – rather too much than too little.',
  'report.after.police.numbers':
    'If it is acute or still going on: call 112. Otherwise call 114 14, report at polisen.se or go to a police station.',
  'report.after.police.office':
    'Say in the report that it concerns someone who holds a political office and that the event may be linked to that office.',
  'report.after.police.protected':
    'Ask for the report to be access-protected (åtkomstskyddad). The personal details are then kept confidential while the police investigate.',
  'report.after.police.hate_crime_yes':
    'You answered that the motive may be hatred of skin colour, origin, religion or sexual orientation. Say so clearly in the report: it may be a hate crime, which can lead to a harsher sentence.',
  'report.after.police.hate_crime':
    'Could the motive be hatred of skin colour, origin, religion or sexual orientation? If so, say it in the report.',
  'report.after.police.feedback': 'You may ask to be kept informed by the investigator.',

  'report.after.evidence.title': 'Keep the evidence',
  'report.after.evidence.general': 'Save everything and delete nothing. Do not reply to whoever wrote or called.',
  'report.after.evidence.social_media':
    'Social media: take screenshots of both the post and the profile that wrote it. Delete nothing – the police need it in digital form.',
  'report.after.evidence.email': "E-mail: keep the e-mail and take a screenshot showing the sender's address.",
  'report.after.evidence.sms': 'Text message: keep the message and take a screenshot showing the number.',
  'report.after.evidence.phone':
    'Phone: write down the time, what was said, background sounds and what the voice was like (for example gender, age, dialect). Keep the call log.',
  'report.after.evidence.letter':
    'Letter or parcel: touch it as little as possible, put it in a plastic bag and do not open anything more. If something seems dangerous: leave it, close the door and call 112.',
  'report.after.evidence.in_person':
    'If someone came up to you: write down as soon as you can what happened and was said, what the person looked like and who saw it.',
  'report.after.evidence.injury':
    'If anyone was hurt: get medical care and ask for the injuries to be documented. Do it again after a few days – injuries can become more visible with time.',
  'report.after.evidence.property':
    'Damaged property: photograph the damage before anything is repaired or cleaned up.',

  'report.after.help.title': 'What we can help with – and what we cannot',
  'report.after.help.follow_up':
    'A security contact in the party takes the case and gets in touch. Whoever takes the case is responsible for following it up.',
  'report.after.help.support':
    'The security contact can be a support, help with contact with the police and the municipality, and make sure nobody is left alone.',
  'report.after.help.not_police':
    'I do not report anything to the police. This report goes to the party, not to the police.',
  'report.after.help.no_assessment':
    'Neither I nor the party can judge how dangerous a threat is – the police do that. Take it seriously and call 112 if anything happens.',
  'report.after.help.shared_municipality':
    "You have agreed that the case may be shared with the municipality's security officer.",
  'report.after.help.party_only': "Only the party's security contacts see the case, not the municipality.",
};
