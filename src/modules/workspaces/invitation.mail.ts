/** The invitation mail (French first, English below, since the invitee's language is unknown). */
export function invitationMail(input: { workspaceName: string; inviterName: string | null; link: string }) {
  const who = input.inviterName ?? 'Un membre';
  const whoEn = input.inviterName ?? 'A member';
  const subject = `Invitation à rejoindre ${input.workspaceName}`;
  const text = [
    `${who} vous invite à rejoindre l'espace de travail « ${input.workspaceName} ».`,
    '',
    `Acceptez l'invitation : ${input.link}`,
    '',
    'Ce lien expire dans 7 jours.',
    '',
    '---',
    `${whoEn} invited you to join the workspace "${input.workspaceName}".`,
    `Accept the invitation: ${input.link}`,
    'This link expires in 7 days.',
  ].join('\n');
  return { subject, text };
}
