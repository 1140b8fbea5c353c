/** The preview page: Discord dark and Slack light side by side, with CSS imitating each client. */
import { escapeHtml } from './html-text.js';

export interface PreviewPage {
  title: string;
  summary: string;
  discordHtml: string;
  slackHtml: string;
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; background: #e3e5e8; }
header.page { padding: 10px 16px; background: #1e1f22; color: #f2f3f5; }
header.page h1 { font-size: 15px; margin: 0 0 2px; }
header.page p { margin: 0; color: #b5bac1; font-size: 12px; }
main { display: grid; grid-template-columns: 1fr 1fr; align-items: start; }
section.client { min-height: 100vh; padding: 12px 0 24px; }
section.client > h2 { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; margin: 0 16px 8px; }
.msg { display: flex; gap: 14px; padding: 2px 16px; }
.msg.cont { margin-top: 10px; }
.avatar { flex: none; width: 40px; height: 40px; display: grid; place-items: center; font-weight: 700; color: #fff; }
.gutter { flex: none; width: 40px; }
.msg-main { min-width: 0; flex: 1; }
.msg-head { margin-bottom: 2px; }
.msg-head .name { font-weight: 600; margin-right: 6px; }
.msg-head .app { font-size: 10px; font-weight: 600; padding: 0 4px; border-radius: 3px; margin-right: 6px; vertical-align: 1px; }
.msg-head .time { font-size: 12px; }
.stats { font-size: 11px; margin: 4px 0 0; opacity: .7; font-family: ui-monospace, Menlo, Consolas, monospace; }
p { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
p:last-child, blockquote:last-child, pre:last-child, .note:last-child { margin-bottom: 0; }
pre { margin: 0 0 8px; padding: 8px; border-radius: 4px; overflow-x: auto; font: 12.5px/1.35 ui-monospace, Menlo, Consolas, monospace; white-space: pre; }
pre.continued { border-top-style: dashed; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 85%; padding: 1px 3px; border-radius: 3px; }
pre code { padding: 0; font-size: inherit; background: none; border: 0; }
blockquote { margin: 0 0 8px; padding: 0 0 0 12px; border-left: 4px solid; white-space: pre-wrap; overflow-wrap: anywhere; }
.note { font-size: 12px; margin: 0 0 8px; white-space: pre-wrap; }
img { display: block; max-width: 100%; height: auto; }
button { font: inherit; font-size: 13px; cursor: pointer; }

/* Discord, dark theme */
.discord { background: #313338; color: #dbdee1; }
.discord > h2 { color: #949ba4; }
.discord .avatar { background: #5865f2; border-radius: 50%; }
.discord .msg-head .name { color: #f2f3f5; }
.discord .msg-head .app { background: #5865f2; color: #fff; }
.discord .msg-head .time, .discord .stats { color: #949ba4; }
.discord .embed { max-width: 520px; margin-top: 6px; background: #2b2d31; border-left: 4px solid #5865f2; border-radius: 4px; padding: 8px 16px 14px 12px; }
.discord .embed-title { font-weight: 600; color: #f2f3f5; font-size: 15px; margin: 4px 0 8px; }
.discord .embed-body { font-size: 14px; }
.discord .embed-image { margin-top: 12px; }
.discord .embed-image img.figure { max-width: 400px; max-height: 300px; border-radius: 4px; }
.discord a { color: #00a8fc; text-decoration: none; }
.discord code { background: #1e1f22; border: 1px solid #1e1f22; color: #dbdee1; }
.discord pre { background: #1e1f22; border: 1px solid #1e1f22; color: #dbdee1; }
.discord blockquote { border-color: #4e5058; }
.discord .note { color: #949ba4; }
.discord .spoiler { background: #1e1f22; border-radius: 3px; color: transparent; }
.discord .spoiler * { visibility: hidden; }
.discord .spoiler:hover { background: rgba(255,255,255,.06); color: inherit; }
.discord .spoiler:hover * { visibility: visible; }
.discord .buttons { margin-top: 8px; display: flex; gap: 8px; }
.discord .buttons button { background: #4e5058; color: #fff; border: 0; border-radius: 3px; padding: 4px 16px; min-height: 32px; }
.discord .buttons button.primary { background: #5865f2; }

/* Slack, light theme */
.slack { background: #fff; color: #1d1c1d; font-family: Lato, "Slack-Lato", "Helvetica Neue", "Noto Sans", "Noto Sans CJK SC", sans-serif; font-size: 15px; }
.slack > h2 { color: #616061; }
.slack .avatar { background: #4a154b; border-radius: 6px; width: 36px; height: 36px; }
.slack .gutter { width: 36px; }
.slack .msg-head .name { font-weight: 900; }
.slack .msg-head .app { background: rgba(29,28,29,.13); color: rgba(29,28,29,.7); }
.slack .msg-head .time, .slack .stats { color: #616061; }
.slack .block { margin: 4px 0 8px; max-width: 600px; }
.slack .block.header { font-size: 18px; font-weight: 900; margin-top: 6px; }
.slack .block.context .note { font-size: 12px; color: #616061; margin: 0; }
.slack .block.image .image-title { font-size: 13px; color: #616061; margin-bottom: 4px; }
.slack .block.image img.figure { max-width: 360px; border-radius: 6px; }
.slack a { color: #1264a3; text-decoration: none; }
.slack code { color: #e01e5a; background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); }
.slack pre { background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); color: #1d1c1d; }
.slack blockquote { border-color: #dddddd; }
.slack .actions { display: flex; gap: 8px; }
.slack .actions button { background: #fff; color: #1d1c1d; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 0 12px; height: 28px; font-weight: 700; }
.slack .actions button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
`;

/** The whole page; images are referenced by relative file name, next to `index.html`. */
export function previewPageHtml(page: PreviewPage): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — quizbot preview</title>
<style>${CSS}</style>
</head>
<body>
<header class="page"><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.summary)}</p></header>
<main>
<section class="client discord"><h2>Discord · dark</h2>
${page.discordHtml}
</section>
<section class="client slack"><h2>Slack · light</h2>
${page.slackHtml}
</section>
</main>
</body>
</html>
`;
}
