// The one real topic: copied word for word from an SMF print page
// (shared/seeds/000_5ec9ef2b1258ae77.txt). Nothing reads that file at run time;
// the text lives here so the mock works under Vite, tsx and Vitest alike.
import { SEED_ATTACHMENT_ID } from './ids';
import type { DbAttachment } from './types';

export const SEED_TITLE = 'Seoul Calls for Immediate Withdrawal of North Korean Troops from Russia Amid';
export const SEED_AUTHOR_NAME = 'Dev Sunday';
export const SEED_POSTED_AT = Date.UTC(2024, 9, 21, 15, 19);
export const SEED_IMAGE_NAME = '57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp';

/** The article, one string a paragraph, exactly as printed. */
export const SEED_PARAGRAPHS: readonly string[] = [
  "South Korea's government has issued an urgent demand for the immediate withdrawal of North Korean troops stationed in Russia, a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. The rare public announcement came following intelligence reports and growing evidence suggesting that North Korean soldiers are not only present in Russia but may also be actively involved in supporting Moscow's military operations.",
  "Seoul's concerns are centered on reports that Pyongyang has deepened its military cooperation with Moscow, a relationship that has been viewed with increasing alarm by the international community. Over the past few months, South Korean intelligence and defense officials have pointed to a growing body of evidence that suggests North Korea has sent combat personnel to Russia, possibly as part of an informal agreement between the two nations. This development is seen as part of a broader trend of North Korea, under Kim Jong Un's regime, seeking to solidify its military alliances while maintaining a confrontational stance against Western powers.",
  "The official statement from Seoul, which was released during a high-profile press briefing, expressed deep unease over the reported presence of North Korean military forces in Russia. South Korean government officials emphasized that this move could further destabilize an already precarious situation in the region, and warned that North Korea's involvement in Russia's military affairs could escalate tensions on the Korean Peninsula. Furthermore, the presence of these troops could have wider implications for regional security, drawing other nations, including Japan and the United States, into the fray.",
  "Seoul's call for an immediate withdrawal also reflects concerns about North Korea's broader geopolitical ambitions. Observers have noted that Kim Jong Un's regime has been increasingly emboldened by its close ties with Russia, which have strengthened significantly since the outbreak of the Ukraine conflict. The shared isolation both countries face—North Korea due to its nuclear ambitions and Russia as a result of Western sanctions—has led to a growing alignment of their interests. For North Korea, aligning with Russia offers an opportunity to push back against global pressure and possibly secure valuable military and economic support.",
  "On the ground in South Korea, the news of North Korean troops potentially being active in Russia has sparked widespread debate. Analysts in Seoul have expressed a range of views, with some suggesting that this military cooperation could be part of a broader strategic gambit by Pyongyang to gain leverage in future negotiations with the United States and its allies. Others, however, fear that this could signal a more aggressive phase in North Korea's foreign policy, with the regime becoming more willing to directly intervene in international conflicts to achieve its goals.",
  "The timing of Seoul's announcement has raised eyebrows as well. It comes just days after reports that North Korean leader Kim Jong Un personally visited Russia, meeting with President Vladimir Putin. During this visit, the two leaders reportedly discussed various forms of military and technical cooperation, raising concerns that North Korea might be supplying Russia with weapons and ammunition, particularly in light of Moscow's prolonged engagement in Ukraine. Although both governments have denied any official arms transfers, intelligence agencies in South Korea and the West remain deeply skeptical.",
  "For South Korea, the situation represents a delicate balancing act. On the one hand, it must confront the growing military ties between its two northern neighbors, which threatens to shift the balance of power in the region. On the other hand, Seoul must carefully manage its response to avoid triggering an outright military confrontation. South Korean President Yoon Suk-yeol has been clear in his stance, calling for firm international pressure on both Russia and North Korea, while at the same time seeking diplomatic channels to resolve the crisis peacefully.",
  "International reaction to the news has been swift. The United States, a key ally of South Korea, voiced its full support for Seoul's call for the withdrawal of North Korean troops from Russia. In Washington, senior officials echoed South Korea's concerns, stating that the presence of North Korean soldiers in Russia could further complicate efforts to maintain peace and stability in the region. The U.S. has long been critical of North Korea's aggressive military posture, and this latest development only adds to the complex web of challenges the Biden administration faces in dealing with both Russia and North Korea.",
  "At the United Nations, diplomatic efforts are already underway to address the growing crisis. South Korean diplomats have been working closely with their counterparts from the U.S., Japan, and other countries to bring the issue before the U.N. Security Council. While it remains unclear what specific actions the Council may take, the international community's response will likely be a key factor in shaping the future course of events. There is also growing speculation that additional sanctions could be imposed on both North Korea and Russia if they are found to be violating existing international agreements, particularly in relation to arms transfers.",
  "In Moscow, officials have been quick to downplay the significance of the North Korean presence, framing it as part of a routine exchange between two friendly nations. Russian defense officials have consistently denied that North Korean troops are involved in any combat operations, instead characterizing their presence as part of a broader effort to strengthen ties between the two countries. However, these reassurances have done little to alleviate the concerns of neighboring countries or the international community, particularly given Russia's current military commitments in Ukraine.",
  "For North Korea, the growing alliance with Russia represents a significant shift in its foreign policy strategy. Historically, Pyongyang has sought to maintain a degree of distance from Russia, preferring to align more closely with China. However, as Beijing has become more cautious in its support for Pyongyang's nuclear ambitions, North Korea has turned to Russia as a key ally in its efforts to counterbalance Western pressure. The question now is whether this alliance will lead to greater instability in the region, as both North Korea and Russia continue to challenge the existing global order.",
  "As Seoul continues to press for the immediate withdrawal of North Korean troops from Russia, the situation remains highly fluid. Diplomats and analysts alike are closely watching for any signs of movement, but so far, neither Russia nor North Korea has shown any willingness to comply with Seoul's demands. The standoff has left many in the region on edge, as the potential for further escalation looms large. Whether through diplomacy or pressure, the international community now faces the challenge of navigating a complex and potentially dangerous situation that could reshape the balance of power in Northeast Asia for years to come.",
];

export const SEED_ATTACHMENT: DbAttachment = {
  id: SEED_ATTACHMENT_ID,
  name: SEED_IMAGE_NAME,
  state: 'available',
  mimeType: 'image/webp',
  sizeBytes: 48_716,
  width: 1200,
  height: 675,
  downloads: 312,
  thumbnail: true,
};

/**
 * The post body as SMF 2.1 stores it: the inline image, the article, and the line
 * SMF appends when an administrator purges a post's attachments.
 */
export const SEED_BODY = [
  `[attach id=${String(SEED_ATTACHMENT_ID)}]${SEED_IMAGE_NAME}[/attach]`,
  ...SEED_PARAGRAPHS,
  '[attachment deleted by admin]',
].join('\n\n');
