/** Swedish wording of the incident report export (seed 003 Bilaga 4). */
export const exportSv: Record<string, string> = {
  'case.timeline.exported': '{at} {by} hämtade incidentrapporten ({detail})',
  'error.export.link_invalid':
    'Länken gäller inte längre (den gäller en kort stund). Hämta en ny från ärendet i chatten.',
  'error.export.not_allowed':
    'Incidentrapporten kan bara hämtas av ärendets ansvariga, och av kommunen när ärendet har delats med samtycke.',
};
