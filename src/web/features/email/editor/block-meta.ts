import {
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandLinkedin,
  IconBrandTiktok,
  IconBrandX,
  IconBrandYoutube,
  IconClick,
  IconLayoutBottombar,
  IconPhoto,
  IconSeparatorHorizontal,
  IconShare,
  IconSpacingVertical,
  IconTypography,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { TEmailBlockType, TSocialNetwork } from '../../../../contracts/email-document.js';

/** Each block type's icon, in the palette's order. */
export const BLOCK_ICONS: Record<TEmailBlockType, Icon> = {
  text: IconTypography,
  image: IconPhoto,
  button: IconClick,
  divider: IconSeparatorHorizontal,
  spacer: IconSpacingVertical,
  social: IconShare,
  footer: IconLayoutBottombar,
};

export const NETWORK_ICONS: Record<TSocialNetwork, Icon> = {
  facebook: IconBrandFacebook,
  instagram: IconBrandInstagram,
  linkedin: IconBrandLinkedin,
  x: IconBrandX,
  youtube: IconBrandYoutube,
  tiktok: IconBrandTiktok,
  website: IconWorld,
};

/** Liquid shown as examples in the fields' hints (passed as values: i18next would read the braces as its own). */
export const TEXT_EXAMPLE = '{{ lead.first_name | default: "ami" }}';
export const HREF_EXAMPLE = '{{ unsubscribe_url }}';
export const FOOTER_EXAMPLE = '{{ workspace.legal_name }}, {{ workspace.postal_address }}';

/** A colour written as #rrggbb (what the document accepts). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
