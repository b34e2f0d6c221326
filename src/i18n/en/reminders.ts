/** English wording of the daily digest and the escalation of untaken cases (issue 6). */
export const remindersEn: Record<string, string> = {
  'reminder.digest.title': 'Daily reminder {date}',
  'reminder.digest.owned_heading': 'Your open cases ({count})',
  'reminder.digest.owned_summary': 'Overdue items: {overdue} · Due soon: {soon}',
  'reminder.digest.case_line': '{number} · received {date}',
  'reminder.digest.case_line_urgent': 'URGENT {number} · received {date}',
  'reminder.digest.item_overdue': '⚠ Overdue: {item} – was due {date}',
  'reminder.digest.item_due_soon': 'Due soon: {item} – by {date}',
  'reminder.digest.nothing_due': 'Nothing falls due in the next few days.',
  'reminder.digest.untaken_heading': 'Nobody has taken these cases in {district} ({count})',
  'reminder.digest.untaken_hint': 'Whoever takes a case owns its follow-up. Nobody should be left without help.',
  'reminder.digest.untaken_line': '{number} · {category} · received {date}',
  'reminder.digest.untaken_line_urgent': 'URGENT {number} · {category} · received {date}',
  'reminder.digest.more': '… and {count} more.',
  'reminder.action.all_cases': 'Show all cases',
  'reminder.escalation.channel_title': 'Still not taken: case {number}',
  'reminder.escalation.channel_title_urgent': 'URGENT and still not taken: case {number}',
  'reminder.escalation.channel_text':
    'Nobody has taken this case for {duration} (reminder {count}). The central security contact has it too now.',
  'reminder.escalation.central_title': 'Escalated to you: case {number}',
  'reminder.escalation.central_title_urgent': 'URGENT, escalated to you: case {number}',
  'reminder.escalation.central_text':
    'Nobody in {district} has taken this case for {duration} (reminder {count}). As the central security contact you can take it yourself or get someone in the district to take it.',
  'reminder.duration.minutes': '{count} min',
  'reminder.duration.hours': '{count} h',
  'reminder.duration.days': '{count} days',
};
