/** English wording of the incident report export: the questions of seed 003 Bilaga 4 in translation. */
export const exportEn: Record<string, string> = {
  'export.title': 'Incident report',
  'export.subtitle': 'Case {number} · {district} · received {submitted}',
  'export.footer':
    'Made {at} by Vaktpost for {name}. Holds sensitive personal data: share it only with those who need it.',
  'export.q.reporter': 'Who reports the incident? (Name, function, relation to the exposed person)',
  'export.q.target': 'Who was exposed? (Name, committee/board)',
  'export.q.what':
    'What was the person exposed to? (Describe the event in as much detail as possible. Threat, violence, harassment, vandalism, corruption? By letter, phone call, text message, in person?)',
  'export.q.when_where':
    'When and where did the event happen? Did anyone else see it? (For example another elected official, a family member. Did the threat reach its intended recipient?)',
  'export.q.perpetrator':
    'Who exposed the elected official? (Known, unknown perpetrator? One or several people? Gender, approximate age, build and height? Dialect, distinguishing features such as scars and clothes such as shoes? Has the perpetrator exposed other elected officials?)',
  'export.q.group': 'Is the perpetrator assumed to belong to a group of some kind? (Yes/no. If yes, which?)',
  'export.q.trigger':
    'Is there a known trigger? (For example a particular political issue, a decision or something else?)',
  'export.q.measures':
    'Decisions on any measures? (For example a police report, protective measures for the exposed person?)',
  'export.q.experience':
    'How did the exposed person experience the incident? (Frightening or not? Seriously meant or not? Other feelings/experiences?)',
  'export.q.police_contacted': 'Have the police been contacted?',
  'export.q.police_when': 'If yes, when?',
  'export.q.police_reported': 'Has the incident been reported to the police?',
  'export.q.police_wanted': 'If not, does the exposed person want the incident reported to the police?',
  'export.q.support_needed': 'Has the exposed person expressed a need for support/help?',
  'export.q.support_needs': 'If yes, which needs?',
  'export.q.support_received': 'Has the exposed person received support/help?',
  'export.q.support_description': 'Description of support/help/other measures',
  'export.q.relatives_informed': 'Have relatives been informed',
  'export.q.relatives_who': 'Who?',
  'export.q.party_informed':
    "Has the party's security contact or another leading elected official of the party been informed?",
  'export.q.municipality_informed': 'Have any municipal services been informed?',
  'export.q.municipality_who': 'Who?',
  'export.answer.labelled': '{label}: {value}',
  'export.answer.ongoing': 'It was still going on when it was reported.',
  'export.answer.owner': 'The case is handled by {name} (security contact) in Vaktpost.',
  'export.answer.shared': "The case is shared with {name} with the exposed person's consent.",
  'export.action': 'Incident report (print/PDF)',
  'export.links.title': 'Incident report for case {number}',
  'export.links.html': 'Print-ready page: {url}',
  'export.links.pdf': 'PDF: {url}',
  'export.links.note':
    'The links work for {minutes} minutes and only for this case. They lead to sensitive data: do not share them. Every download is written to the case timeline.',
  'case.timeline.exported': '{at} {by} fetched the incident report ({detail})',
  'error.export.link_invalid':
    'This link is no longer valid (it lasts a short while). Get a new one from the case in the chat.',
  'error.export.not_allowed':
    "The incident report can only be fetched by the case's owner, and by the municipality once the case is shared with consent.",
};
