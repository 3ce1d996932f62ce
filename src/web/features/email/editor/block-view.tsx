import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TEmailBlock } from '../../../../contracts/email-document.js';
import { NETWORK_ICONS } from './block-meta.js';
import classes from './email-editor.module.css';
import { safeTextHtml } from './safe-html.js';

const JUSTIFY = { left: 'flex-start', center: 'center', right: 'flex-end' } as const;

/**
 * One block drawn on the canvas, close to the compiled email. A text block's HTML is shown as HTML: the server keeps
 * only its allow-list of tags (no script, no attribute but a link's address), and what is typed here comes from the
 * editor's own field, which pastes plain text only.
 */
export function BlockView({ block }: { block: TEmailBlock }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'text':
      return <div dangerouslySetInnerHTML={{ __html: safeTextHtml(block.html) }} style={{ color: 'inherit' }} />;
    case 'image':
      return block.src ? (
        <div style={{ display: 'flex', justifyContent: JUSTIFY[block.align] }}>
          <img src={block.src} alt={block.alt} style={{ display: 'block', maxWidth: '100%', width: block.width ?? '100%', height: 'auto' }} />
        </div>
      ) : (
        <div className={classes.imagePlaceholder}>
          <IconPhoto size={20} aria-hidden />
          {t('emailEditor.canvas.noImage')}
        </div>
      );
    case 'button':
      return (
        <div style={{ display: 'flex', justifyContent: JUSTIFY[block.align] }}>
          <span style={{ background: block.background_color, color: block.text_color, padding: '12px 24px', borderRadius: 6, fontSize: 16 }}>
            {block.label}
          </span>
        </div>
      );
    case 'divider':
      return <hr style={{ border: 0, borderTop: `${block.thickness}px solid ${block.color}`, margin: '8px 0' }} />;
    case 'spacer':
      return <div style={{ height: block.height }} />;
    case 'social':
      return (
        <div style={{ display: 'flex', gap: 8, justifyContent: JUSTIFY[block.align], flexWrap: 'wrap' }}>
          {block.links.map((link, i) => {
            const NetworkIcon = NETWORK_ICONS[link.network];
            return (
              <span
                key={i}
                title={t(`emailEditor.networks.${link.network}`)}
                style={{ display: 'inline-flex', padding: 4, borderRadius: 4, background: '#57606a', color: '#fff' }}
              >
                <NetworkIcon size={20} aria-label={t(`emailEditor.networks.${link.network}`)} />
              </span>
            );
          })}
        </div>
      );
    case 'footer':
      return (
        <div style={{ fontSize: 12, lineHeight: 1.6, textAlign: 'center', color: '#5c6370' }}>
          {block.text.split('\n').map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {block.unsubscribe_label && <div style={{ color: 'var(--link-color)', textDecoration: 'underline' }}>{block.unsubscribe_label}</div>}
        </div>
      );
  }
}
