// The rules every block builds on: the system font stack (no web font to host or load), a readable measure, the
// section rhythm and the button. Added with the first block dropped on a page, never over rules the page already has.

export const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** Below this width the blocks stack and shrink (the phone preview is 375 px, the tablet 768 px). */
export const PHONE_MEDIA = '(max-width: 720px)';

export const BASE_CSS = `
body{margin:0;font-family:${SYSTEM_FONTS};font-size:17px;line-height:1.6;color:#1f2933;background-color:#ffffff;}
.mk-section{padding:72px 24px;}
.mk-container{max-width:1080px;margin:0 auto;}
.mk-narrow{max-width:720px;margin:0 auto;}
.mk-title{font-size:2.1rem;line-height:1.2;font-weight:800;letter-spacing:-0.01em;margin:0 0 16px;text-align:center;color:#111827;}
.mk-title-solo{margin-bottom:40px;}
.mk-lead{font-size:1.15rem;color:#52606d;text-align:center;max-width:640px;margin:0 auto 40px;}
.mk-button{display:inline-block;padding:14px 28px;border:0;border-radius:10px;background-color:#4f46e5;color:#ffffff;font-family:inherit;font-size:1rem;font-weight:700;line-height:1.3;text-decoration:none;text-align:center;cursor:pointer;box-shadow:0 6px 16px rgba(79,70,229,0.25);}
.mk-button:hover{background-color:#4338ca;}
.mk-button-lg{padding:18px 36px;font-size:1.1rem;}
.mk-button-block{display:block;width:100%;}
.mk-cta{text-align:center;padding:24px;}
.mk-check{flex:none;color:#16a34a;margin-top:3px;}
@media ${PHONE_MEDIA}{.mk-section{padding:48px 18px;}.mk-title{font-size:1.7rem;}.mk-lead{font-size:1.05rem;}}
`;
