import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/**
 * The safety net behind every form: a field with `required`, `type="email"`, `min`… in a form without `noValidate`
 * would make the browser show its own bubble, in the browser's language (often English). This listener cancels that
 * bubble, focuses the field and says what is wrong in the interface's language, once per submit. Forms should still
 * validate themselves (Mantine form + i18n messages, errors in place); this only catches the ones that do not.
 * Returns the function that removes the listener.
 */
export function replaceNativeValidationBubbles(t: TFunction): () => void {
  const onInvalid = (event: Event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) return;
    event.preventDefault();
    // Only the first invalid field of the form speaks (the browser fires "invalid" for each).
    if (field.form && field.form.querySelector(':invalid') !== field) return;
    const label = field.labels?.[0]?.textContent?.trim() || field.getAttribute('aria-label') || field.name;
    const message = field.validity.valueMissing
      ? t('validation.requiredField', { field: label })
      : field.validity.typeMismatch && field.type === 'email'
        ? t('validation.email')
        : t('validation.invalidField', { field: label });
    field.focus();
    notifications.show({ id: 'native-validation', color: 'red', message });
  };
  document.addEventListener('invalid', onInvalid, true);
  return () => document.removeEventListener('invalid', onInvalid, true);
}
