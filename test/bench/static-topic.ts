// The yardstick for the benchmark: the same page of posts as plain server-rendered
// HTML — no script, posts as escaped text paragraphs, one small stylesheet — built from
// the mock API's JSON. How much slower the app shows the first post than this page is
// the price of being a single-page app.
import type { TopicResponse } from '../../src/lib/api/schemas';

/** Where the benchmark's server serves the stylesheet the static pages link. */
export const STATIC_TOPIC_CSS_PATH = '/static-topic/static.css';

export const STATIC_TOPIC_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1d2330;background:#fff}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:0 0 1rem}
article{border:1px solid #d5dae3;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
article h2{font-size:1rem;margin:0}
.meta{color:#5b6475;font-size:.875rem;margin:0 0 .5rem}
.post-body p{margin:0 0 .75rem;overflow-wrap:anywhere}
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A post body (BBCode source, untouched) as paragraphs of escaped text: blank lines split them. */
export function bodyParagraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * One topic page as a complete HTML document. It keeps the app's shape where the
 * benchmark looks (`main article .post-body`), so both are timed by the same probe.
 */
export function renderStaticTopic(data: TopicResponse): string {
  const { topic, posts, page } = data;
  const title = page.number > 1 ? `${topic.title} (page ${page.number})` : topic.title;
  const articles = posts
    .map(
      (post) =>
        `<article id="msg${post.id}"><h2>${escapeHtml(post.subject || 'No subject')}</h2>` +
        `<p class="meta">#${post.number} by ${escapeHtml(post.author.name)} on <time datetime="${escapeHtml(post.postedAt)}">${escapeHtml(post.postedAt)}</time></p>` +
        `<div class="post-body">${bodyParagraphs(post.body)}</div></article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STATIC_TOPIC_CSS_PATH}">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${articles}
</main>
</body>
</html>
`;
}
