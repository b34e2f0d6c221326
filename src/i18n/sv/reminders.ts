/** Swedish wording of the daily digest and the escalation of untaken cases (issue 6). */
export const remindersSv: Record<string, string> = {
  'reminder.digest.title': 'Daglig påminnelse {date}',
  'reminder.digest.owned_heading': 'Dina öppna ärenden ({count})',
  'reminder.digest.owned_summary': 'Försenade punkter: {overdue} · Snart: {soon}',
  'reminder.digest.case_line': '{number} · inkom {date}',
  'reminder.digest.case_line_urgent': 'AKUT {number} · inkom {date}',
  'reminder.digest.item_overdue': '⚠ Försenad: {item} – skulle vara klar {date}',
  'reminder.digest.item_due_soon': 'Snart: {item} – senast {date}',
  'reminder.digest.nothing_due': 'Inget förfaller de närmaste dagarna.',
  'reminder.digest.untaken_heading': 'Ingen har tagit dessa ärenden i {district} ({count})',
  'reminder.digest.untaken_hint': 'Den som tar ärendet äger uppföljningen. Ingen ska lämnas utan hjälp.',
  'reminder.digest.untaken_line': '{number} · {category} · inkom {date}',
  'reminder.digest.untaken_line_urgent': 'AKUT {number} · {category} · inkom {date}',
  'reminder.digest.more': '… och {count} till.',
  'reminder.action.all_cases': 'Visa alla ärenden',
  'reminder.escalation.channel_title': 'Fortfarande inte taget: ärende {number}',
  'reminder.escalation.channel_title_urgent': 'AKUT och fortfarande inte taget: ärende {number}',
  'reminder.escalation.channel_text':
    'Ingen har tagit ärendet på {duration} (påminnelse {count}). Central säkerhetsansvarig har också fått det.',
  'reminder.escalation.central_title': 'Eskalerat till dig: ärende {number}',
  'reminder.escalation.central_title_urgent': 'AKUT, eskalerat till dig: ärende {number}',
  'reminder.escalation.central_text':
    'Ingen i {district} har tagit ärendet på {duration} (påminnelse {count}). Som central säkerhetsansvarig kan du ta det själv eller få någon i distriktet att ta det.',
  'reminder.duration.minutes': '{count} min',
  'reminder.duration.hours': '{count} tim',
  'reminder.duration.days': '{count} dygn',
};
