/** The password reset mail, in the user's language. */
export function passwordResetMail(input: { name: string; locale: 'fr' | 'en'; link: string }) {
  if (input.locale === 'en') {
    return {
      subject: 'Reset your password',
      text: `Hello ${input.name},\n\nTo choose a new password, open this link within one hour:\n${input.link}\n\nIf you did not ask for it, ignore this mail: your password stays the same.`,
    };
  }
  return {
    subject: 'Réinitialisation de votre mot de passe',
    text: `Bonjour ${input.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n${input.link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
  };
}
