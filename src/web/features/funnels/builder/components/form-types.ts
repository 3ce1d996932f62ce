import type { Component, Editor, TraitProperties } from 'grapesjs';
import {
  BLOCK_KINDS,
  CONSENT_INPUT_NAME,
  CONSENT_TEXT_ATTRIBUTE,
  FORM_MESSAGE_ATTRIBUTES,
  type TFormMessageKey,
} from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts } from '../blocks/block-types.js';
import { CONSENT_FIELD, consentMarkup, FIELD_ATTRIBUTE, fieldMarkup, fieldTexts, FORM_FIELDS, OPTIONAL_FORM_FIELDS, type TFormField } from '../blocks/forms.js';
import { isBlock } from './marker-types.js';
import { refreshTraits } from './refresh-traits.js';

// The opt-in and webinar forms' settings act on the form's markup itself, so they work on forms that came from a
// template or pasted HTML too: a field is shown when its input is there, required when the input has `required`.

type TFieldState = 'off' | 'optional' | 'required';

const inputNamed = (form: Component, name: string) =>
  form.findFirstType(
    (c) => c.get('tagName') === 'input' && c.getAttributes().name === name && (name !== CONSENT_INPUT_NAME || c.getAttributes().type === 'checkbox'),
  );

const isRequired = (input: Component) => {
  const value = input.getAttributes().required;
  return value !== undefined && value !== false;
};

/** The form's child that holds a field or the button (its label, or its box right under the form). */
function holderOfNode(form: Component, node: Component | undefined): Component | undefined {
  while (node && node.parent() && node.parent() !== form && node.get('tagName') !== 'label') node = node.parent();
  return node;
}

function holderOf(form: Component, name: string): Component | undefined {
  return form.findFirstType((c) => c.getAttributes()[FIELD_ATTRIBUTE] === name) ?? holderOfNode(form, inputNamed(form, name));
}

function fieldState(form: Component, name: string): TFieldState {
  const input = inputNamed(form, name);
  if (!input) return 'off';
  return isRequired(input) ? 'required' : 'optional';
}

/** Shows, hides or requires a field; a new field goes in its usual place among the others (email after the names…). */
function setFieldState(form: Component, name: TFormField | typeof CONSENT_FIELD, state: TFieldState, markup: (required: boolean) => string): void {
  const inputName = name === CONSENT_FIELD ? CONSENT_INPUT_NAME : name;
  const input = inputNamed(form, inputName);
  if (state === 'off') {
    holderOf(form, inputName)?.remove();
    return;
  }
  if (input) {
    if (state === 'required') input.addAttributes({ required: true });
    else input.removeAttributes('required');
    return;
  }
  // Before the first field that comes after it, else before the consent, else before the submit button, else last.
  const order: string[] = [...FORM_FIELDS, CONSENT_INPUT_NAME];
  const later = order.slice(order.indexOf(inputName) + 1).map((next) => (inputNamed(form, next) ? holderOf(form, next) : undefined));
  const submit = form.findFirstType((c) => ['button', 'input'].includes(c.get('tagName') ?? '') && c.getAttributes().type === 'submit');
  const anchor = later.find((holder) => holder !== undefined) ?? holderOfNode(form, submit);
  const parent = anchor?.parent() ?? form;
  parent.components().add(markup(state === 'required'), { at: anchor ? anchor.index() : parent.components().length });
}

function consentTextOf(form: Component): Component | undefined {
  return form.findFirstType((c) => c.getAttributes()[CONSENT_TEXT_ATTRIBUTE] !== undefined);
}

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The opt-in form and the webinar registration: which fields, the consent, the messages (in the page's language). */
export function registerFormTypes(editor: Editor, { ui, page }: TBlockTexts): void {
  const states = [
    { id: 'off', label: ui('funnelBuilder.traits.form.off') },
    { id: 'optional', label: ui('funnelBuilder.traits.form.optional') },
    { id: 'required', label: ui('funnelBuilder.traits.form.required') },
  ];
  const fields = { id: 'fields', label: ui('funnelBuilder.traits.form.fields') };
  const consent = { id: 'consent', label: ui('funnelBuilder.traits.form.consent') };
  const messages = { id: 'messages', label: ui('funnelBuilder.traits.form.messages') };
  const traits: TraitProperties[] = [
    // Email is always asked (the renderer adds it to a form without it): shown, not chosen.
    {
      type: 'select',
      name: 'field-email',
      label: ui('funnelBuilder.fields.email'),
      category: fields,
      options: [{ id: 'always', label: ui('funnelBuilder.traits.form.always') }],
      getValue: () => 'always',
      setValue: () => undefined,
    },
    ...OPTIONAL_FORM_FIELDS.map((name): TraitProperties => ({
      type: 'select',
      name: `field-${name}`,
      label: ui(`funnelBuilder.fields.${name}`),
      category: fields,
      options: states,
      getValue: ({ component }: { component: Component }) => fieldState(component, name),
      setValue: ({ component, value }: { component: Component; value: unknown }) => {
        const { label, placeholder } = fieldTexts(page, name);
        setFieldState(component, name, value as TFieldState, (required) => fieldMarkup(name, label, placeholder, required));
      },
    })),
    {
      type: 'select',
      name: 'field-consent',
      label: ui('funnelBuilder.traits.form.consentBox'),
      category: consent,
      options: states,
      getValue: ({ component }: { component: Component }) => fieldState(component, CONSENT_INPUT_NAME),
      setValue: ({ component, value }: { component: Component; value: unknown }) => {
        setFieldState(component, CONSENT_FIELD, value as TFieldState, (required) => consentMarkup(page('funnelBuilder.content.form.consent'), required));
        refreshTraits(component);
      },
    },
    {
      type: 'text',
      name: 'consent-text',
      label: ui('funnelBuilder.traits.form.consentText'),
      category: consent,
      getValue: ({ component }: { component: Component }) => plainText(consentTextOf(component)?.getInnerHTML() ?? ''),
      setValue: ({ component, value }: { component: Component; value: unknown }) => {
        consentTextOf(component)?.components(escapeText(String(value ?? '')));
      },
    },
    ...(Object.keys(FORM_MESSAGE_ATTRIBUTES) as TFormMessageKey[]).map((key): TraitProperties => ({
      type: 'text',
      name: FORM_MESSAGE_ATTRIBUTES[key],
      label: ui(`funnelBuilder.traits.form.message.${key}`),
      category: messages,
    })),
  ];
  for (const kind of [BLOCK_KINDS.optinForm, BLOCK_KINDS.webinarForm]) {
    editor.Components.addType(`mk-${kind}`, {
      isComponent: (el) => isBlock(el, kind, 'form'),
      model: { defaults: { name: ui(kind === BLOCK_KINDS.optinForm ? 'funnelBuilder.components.optinForm' : 'funnelBuilder.components.webinarForm'), traits } },
    });
  }
  // A field's label around its text and input: a box (not a text to edit as a whole), its text editable inside.
  editor.Components.addType('mk-form-field', {
    isComponent: (el) => el.nodeType === 1 && el.tagName.toLowerCase() === 'label' && el.hasAttribute(FIELD_ATTRIBUTE),
    model: { defaults: { name: ui('funnelBuilder.components.field'), droppable: false, traits: [] } },
  });
}
