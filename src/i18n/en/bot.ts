/** English wording of the bot's commands, confirmations and errors. */
export const botEn: Record<string, string> = {
  'bot.district.question': 'Which district do you (or the person targeted) belong to?',
  'bot.district.hint':
    'So the report reaches the right security contacts. I will remember it; write "district" to change.',
  'bot.district.label': 'District',
  'bot.district.saved': 'Thank you. I have saved the district {district}.',
  'bot.urgent_alerted':
    'I have already alerted {recipients}. Your case number is {number}. Call 112 if you have not done so yet. Please answer the questions here when you can – what you tell goes into the same case.',
  'bot.sent_first':
    'I have sent it to {recipients}. Your case number is {number}. Please answer the questions here when you can – what you tell goes into the same case.',
  'bot.submitted.completed': 'Thank you. Everything you have told is now in case {number}.',
  'member.add.title': 'Add to {number}?',
  'member.add.text':
    'You have an open case, {number}. Do you want to add what you just sent to it? Then the person helping you sees it.',
  'member.add.text_several': 'You have several open cases. Which one do you want to add what you just sent to?',
  'member.add.button': 'Yes, add to {number}',
  'member.add.new_report': 'No, it is something new',
  'member.add.nothing': 'I have nothing left to add. Send it again and I will ask where it goes.',
  'member.add.done': 'Thank you, it is added to {number}. The security contacts see it in the case.',
  'member.add.done_owner': 'Thank you, it is added to {number}. {name} has been told.',
  'member.status.title': 'Your open cases',
  'member.status.none': 'You have no open cases right now. Write "report" if something has happened.',
  'member.status.helper': '{name} has been helping you since {time}.',
  'member.status.waiting': 'Nobody has taken it yet. You will hear here as soon as someone does.',
  'member.consent.give': 'Share with the municipality',
  'member.consent.withdraw': 'Do not share with the municipality',
  'member.consent.given':
    "Thank you. Case {number} may now be shared with the municipality's security officer. The person helping you can do it.",
  'member.consent.withdrawn':
    'Case {number} is not shared with the municipality. If it has been shared already, tell the person helping you.',
  'member.reach.change': 'Change how we reach you',
  'member.reach.title': 'How do we reach you in {number}?',
  'member.reach.text': 'Only the person looking after your case sees it. Now: {current}.',
  'member.reach.phone_input': 'Your phone number',
  'member.reach.email_input': 'Your e-mail address',
  'member.reach.saved': 'Thank you. The person looking after case {number} now knows how you want to be reached.',
  'bot.submitted':
    'Thank you. Your report is received as case {number} and has gone to {recipients}. You will hear here when someone has taken it.',
  'bot.submitted.urgent':
    'Thank you. Your report is received as URGENT case {number} and has gone to {recipients}. If you have not called 112 yet, do it now.',
  'bot.submitted.owned':
    'The report is saved as case {number} in {district}. You took the first call and own the follow-up.',
  'bot.cases.open_title': 'Open cases in your districts',
  'bot.cases.mine_title': 'Your cases',
  'bot.cases.none_open': 'No open cases right now.',
  'bot.cases.none_mine': 'You have no cases.',
  'bot.home.title': 'Vaktpost',
  'bot.home.intro':
    'Report threats, hate, harassment and violence linked to your political office here. If anyone is in danger right now: call 112.',
  'bot.home.report': 'Report an incident',
  'bot.bind.unknown_district': 'I cannot find a district "{district}". Write e.g. "bind norrby" with the district id.',
  'bot.bind.not_contact': 'Only the security contacts of {district} can bind a channel to the district.',
  'bot.bind.done': 'Done. Alerts for {district} will come here from now on.',
  'bot.slow_down':
    'That was a lot of messages at once, so I cannot answer each one. Take your time: wait a minute, then write again and we will carry on where we were. If anyone is in danger right now, call 112.',
  'bot.no_session': 'You have no report in progress. Write "report" to start.',
  'bot.help':
    'I help you report threats, hate, harassment and violence linked to your political office. Write "report" to start, "cases" to see your cases, "district" to change district, "svenska" for Swedish. If anyone is in danger right now: call 112.',
  'bot.channel_help':
    'In a channel I understand "bind <district>", "cases" and "statistics" (the statistics come to you privately). Reports are made in a private chat with me.',
  'bot.unknown_action': 'I no longer recognise that button. Write "help" to see what you can do.',
  'bot.case.ticked': 'The item is ticked in {number}.',
  'bot.case.noted': 'The note is saved in {number}.',
  'bot.case.handover_offered': 'The hand-over of {number} is offered. You remain the owner until it is accepted.',
  'bot.case.handover_accepted': 'You now own the case. The person who reported has been told.',
  'bot.case.handover_declined': 'You declined. The current owner has been told.',
  'bot.case.shared': "{number} is shared with the municipality's security officer.",
  'bot.case.closed': '{number} is closed.',
  'bot.case.reopened': '{number} is reopened.',
  'error.case.not_found': 'I cannot find such a case.',
  'error.case.already_taken': 'The case was already taken by {name} at {time}. Thank you for being quick.',
  'error.case.not_allowed': "Only the district's security contacts or the central security contact can do this.",
  'error.case.not_owner': "Only the case's owner can do this.",
  'error.case.closed': 'The case is closed. Reopen it first.',
  'error.case.not_closed':
    'The follow-up is not complete. Write why the case should be closed anyway, and I will close it.',
  'error.case.no_consent':
    'The exposed person has not agreed to share the case with the municipality, so it is not shared. Ask them first.',
  'error.case.no_municipality': 'The district has no municipality in the directory, so the case cannot be shared.',
  'error.case.handover_not_pending': 'There is no hand-over for you to answer.',
  'error.case.handover_invalid':
    'A case can only be handed over to a security contact of the district or the central contact.',
  'error.case.conflict': 'Someone else changed the case at the same moment. Please try again.',
  'error.checklist.unknown_item': 'That item is not in the follow-up.',
  'error.config.invalid': 'The configuration is not valid.',
  'error.directory.invalid': 'The directory is not valid.',
  'error.input.invalid': 'I could not understand that. Please try again.',
  'error.store.duplicate': 'That existed already.',
  'error.store.locked': 'I cannot save right now. Please try again in a moment. If anyone is in danger: call 112.',
  'error.store.unavailable': 'I cannot save right now. Please try again in a moment. If anyone is in danger: call 112.',
  'error.session.not_found': 'You have no report in progress.',
  'error.internal':
    'Something went wrong on my side. What you wrote is saved as far as it got. Please try again in a moment. If anyone is in danger: call 112.',
  'bot.privacy.session_expired':
    'You had started {open} but did not finish. For your safety I have now removed what you had written, ' +
    'so that it is not kept here. You can start again whenever you like, just write "menu". ' +
    'If anyone is in danger right now: call 112.',
  'bot.privacy.not_central': 'Only the central security contact can do that, in a private chat with me.',
  'bot.privacy.readers_usage': 'Write "readers" and the case number, for example: readers VP-2026-0042',
  'bot.privacy.erase_usage': 'Write "erase" and the person\'s user id, for example: erase slack:U0123ABCD',
  'bot.privacy.no_case': 'I cannot find a case {number}.',
  'bot.privacy.no_readers': 'Nobody has read case {number} yet.',
  'bot.privacy.readers_title': 'Who has read {number}',
  'bot.privacy.reader_line': '{at} · {name} ({role}) · {parts}',
  'bot.privacy.parts.all': 'the whole case',
  'bot.privacy.parts.status': 'status and owner',
  'bot.privacy.role.owner': 'owner',
  'bot.privacy.role.contact': 'security contact',
  'bot.privacy.role.central': 'central security contact',
  'bot.privacy.role.municipality': 'municipality',
  'bot.privacy.role.reporter': 'the reporter',
  'bot.privacy.role.exposed': 'the exposed person',
  'bot.privacy.role.none': 'no role',
  'bot.privacy.erased':
    'The data of {person} is erased: {count} cases anonymised ({numbers}), {sessions} unfinished reports removed. It is recorded in the audit log.',
};
