// Hand-written snippets for the never-ending thread: short replies, other
// scripts (right-to-left, CJK, no spaces), emoji sequences, unbreakable words
// and URLs, and small BBCode habits real posters have.

export const SHORT_REPLIES = [
  '+1', 'Agreed.', 'Thanks, that is really helpful.', 'Ha! 😂', 'This thread never disappoints.',
  'Bump.', 'Morning all ☕', 'Nothing to add, just saying hi.', 'Same.', '👍', 'Well said.', 'lol',
  'Made my day.', 'Back from holiday — what did I miss?', 'Good night, everyone.', 'Can confirm.',
  'Ouch.', 'Told you so 😉', 'Brilliant, thanks for sharing.', 'Interesting. Very interesting.',
];

/** Real sentences in other scripts; bidi and line-breaking must cope with all of them. */
export const OTHER_SCRIPTS = [
  // Arabic: "Hello everyone! Has anyone set up a small company in Dubai? I am looking for advice on licences and costs."
  'مرحباً بالجميع! هل لدى أحد تجربة في تأسيس شركة صغيرة في دبي؟ أبحث عن نصائح حول التراخيص والتكاليف.',
  // Arabic: "Many thanks for the useful information. I will try it tomorrow and tell you the result."
  'شكراً جزيلاً على هذه المعلومات المفيدة. سأجرّب الطريقة غداً وأخبركم بالنتيجة.',
  // Arabic: "The market is very quiet today; everyone seems to be waiting for the central bank's decision."
  'السوق اليوم هادئ جداً، يبدو أن الجميع ينتظرون قرار البنك المركزي.',
  // Hebrew: "Hello everyone! Does anyone know when the exchange opens after the holiday?"
  'שלום לכולם! מישהו יודע מתי הבורסה נפתחת אחרי החג?',
  // Hebrew: "Thanks a lot for the detailed explanation, it helped me understand the financial report."
  'תודה רבה על ההסבר המפורט, זה עזר לי מאוד להבין את הדוח הכספי.',
  // Hebrew: "I completely agree. High interest rates for a long time hurt small businesses most."
  'אני מסכים לגמרי. ריבית גבוהה לאורך זמן פוגעת בעסקים קטנים יותר מכולם.',
  // Chinese: "Hello everyone! May I ask, is it still a good time to invest in gold?"
  '大家好！我想请教一下，现在投资黄金还来得及吗？',
  // Chinese: "Thanks for sharing, this analysis makes sense. Our company had the same cash-flow problem last year."
  '谢谢分享，这个分析很有道理。我们公司去年也遇到了同样的现金流问题。',
  // Chinese: "The market swung a lot today; do not chase rallies or panic-sell."
  '今天的市场波动很大，建议大家不要追涨杀跌。',
  // Japanese: "Hello everyone. The weak yen continues; how is it affecting import businesses?"
  '皆さん、こんにちは。円安が続いていますが、輸入ビジネスへの影響はどうですか？',
  // Korean: "Hello! They say exporters are struggling a lot because of the exchange rate these days."
  '안녕하세요! 요즘 환율 때문에 수출 기업들이 많이 힘들다고 하네요.',
  // Russian: "Hi all! Has anyone tried opening an account with a foreign broker?"
  'Всем привет! Кто-нибудь пробовал открыть счёт у зарубежного брокера?',
  // Thai (no spaces between words): "Hello everyone, how is the Thai stock market today?"
  'สวัสดีครับทุกคนตลาดหุ้นไทยวันนี้เป็นอย่างไรบ้างครับ',
  // Hindi: "Hello everyone! Has anyone taken a loan for a small business?"
  'नमस्ते सभी को! क्या किसी ने छोटे व्यवसाय के लिए ऋण लिया है?',
  // Mixed direction in one line, with numbers.
  'The ticker for Saudi Aramco is 2222 — أرامكو السعودية — and it closed up 1.2% today.',
  'Teva (טבע) reported Q3 numbers: revenue $4.3bn, up 7% (עלייה של 7%).',
  'Our supplier in Shenzhen (深圳) quoted ¥48,000 for the first batch — about €6,100.',
];

export const EMOJI_POSTS = [
  'Friday! 🎉🍻 See you all on Monday.',
  '🚀🚀🚀 to the moon (not financial advice) 📈',
  '👨‍👩‍👧‍👦 family budget spreadsheet finally balanced ✅',
  'Flags from our team call today: 🇰🇷 🇳🇱 🇳🇬 🇧🇷 🇯🇵 🇺🇦',
  '👍🏽👍🏿👍🏻 thanks everyone',
  '😂😂😂 I cannot breathe',
  '☕️ + 📊 = Monday',
  'Quarter closed 🥳 — now sleep 😴😴😴',
  '🧑🏽‍💻 working from the café again. Wi-Fi is 🐌',
];

const LONG_WORD = 'Thisisaverylongwordwithoutanyspacesthatsomeonepastedintoapost'.repeat(6);
const HEX_HASH = `0x${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'.repeat(4)}`;
const LONG_URL =
  'https://www.example.com/investor-relations/reports/2024/annual/full-year-results/download?' +
  'session=8f2c1a9e7b6d5c4f3e2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e&format=pdf&language=en-GB&' +
  'utm_source=newsletter&utm_medium=email&utm_campaign=full-year-results-2024-investor-update-final-v3&' +
  'utm_content=button-download-the-complete-annual-report-including-all-appendices-and-notes';

export const UNBREAKABLE_POSTS = [
  `Somebody's cat walked on my keyboard: ${LONG_WORD}`,
  `Transaction hash for the record: ${HEX_HASH}`,
  `Full report here: ${LONG_URL}`,
  `Same link, tidier: [url=${LONG_URL}]annual report (PDF)[/url] — but the raw one is ${LONG_URL}`,
  `${'A'.repeat(240)}RGH. Spreadsheet crashed again.`,
];

export const BBCODE_POSTS = [
  '[b]Update:[/b] the meeting moved to Thursday. [i]Same time, same place.[/i]',
  'My checklist before buying anything:\n[list]\n[li]Read the annual report[/li]\n[li]Check the debt maturities[/li]\n[li]Sleep on it[/li]\n[/list]',
  'The formula I use for dividend income:\n[code]=SUMIFS(C:C, A:A, ">=2024-01-01", B:B, "Dividend")[/code]',
  'Everything you need is on the [url=https://www.simplemachines.org]SMF site[/url], honestly.',
  '[quote]Markets can stay irrational longer than you can stay solvent.[/quote]\nStill true.',
  'I was going to [s]buy[/s] hold. Definitely hold.',
  'Today: [color=green]+3.2%[/color] on the tracker, [color=red]-1.1%[/color] on the bonds.',
  'Steps:\n[list type=decimal]\n[*]Export the CSV\n[*]Open it in a spreadsheet\n[*]Cry\n[/list]',
  '[size=14pt][b]Reminder:[/b][/size] the quarterly meetup is on the 12th.',
  '[u]Important[/u]: do not share your broker password with anyone, including "support".',
];

export const LONG_OPENINGS = [
  'Long post incoming, apologies in advance.',
  'I have been meaning to write this up for a while.',
  'Okay, story time.',
  'Bit of a rant, bear with me.',
];
