/**
 * What every message is answered with, by receiver: the request → reply
 * type map. Senders get these types from `sendMessage`
 * (src/platform/messaging.ts) and never cast a reply; receivers state the
 * reply they owe with `reply()`, so a handler answering the wrong type does
 * not compile.
 *
 * Two receivers answer `yuanwen/highlight-update` and `-delete`, each in its
 * own way: a tab's content script answers with the record (and redraws it),
 * the background with a `HighlightResult`. Hence two maps, one per receiver.
 *
 * A reply is still data from another context: it may be missing (an older
 * receiver, a refused sender, a tab without our content script), so senders
 * get `Reply | undefined`, and where a reply crosses into another trust zone
 * (a content script's report in the popup) it is checked before use.
 */
import type { Report } from '../core/check/report';
import type { Highlight } from '../core/highlight/record';
import type { AnalyseDropped, AnalyseResponse, ExtensionMessage } from './analysis';
import type { ExportedFile, HighlightResult, ImportSummary, PageHighlight, PageHighlightsResponse } from './highlights';
import type { EvidenceExportResult, PageTextResponse } from './evidence';
import type { CorpusReplies, PageSource } from './corpus';

/** Messages to the background (`runtime.sendMessage`) and their answers (packs: ./corpus.ts). */
export interface BackgroundReplies extends CorpusReplies {
  'yuanwen/analyse': AnalyseResponse | AnalyseDropped;
  'yuanwen/open-viewer': void;
  'yuanwen/page-interference': void;
  'yuanwen/highlight-create': HighlightResult<Highlight>;
  'yuanwen/highlights-for-page': HighlightResult<PageHighlightsResponse>;
  'yuanwen/highlight-update': HighlightResult<Highlight>;
  'yuanwen/highlight-delete': HighlightResult<boolean>;
  'yuanwen/highlights-list': HighlightResult<Highlight[]>;
  'yuanwen/highlights-for-document': HighlightResult<Highlight[]>;
  'yuanwen/highlights-search': HighlightResult<string[] | null>;
  'yuanwen/highlights-count': HighlightResult<number>;
  'yuanwen/highlight-restore': HighlightResult<Highlight>;
  'yuanwen/highlights-export': HighlightResult<ExportedFile>;
  'yuanwen/highlights-import': HighlightResult<ImportSummary>;
  /** The tab's frame key (src/messages/frame.ts), or null for a sender that may not set or read it. */
  'yuanwen/frame-key-set': string | null;
  'yuanwen/frame-key-get': string | null;
  'yuanwen/export-evidence': EvidenceExportResult;
}

/** Messages to a tab's content script (`tabs.sendMessage`) and their answers. */
export interface TabReplies {
  'yuanwen/report': Report;
  'yuanwen/scroll-to': boolean;
  'yuanwen/highlight-selection': Highlight;
  'yuanwen/highlights': PageHighlight[];
  'yuanwen/highlight-update': Highlight;
  'yuanwen/highlight-delete': boolean;
  /** Undefined when the page has not been analysed (nothing to report). */
  'yuanwen/page-text': PageTextResponse | undefined;
  /** The page's title and text for saving it as a canonical document; undefined when it has too little Chinese text to read. */
  'yuanwen/page-source': PageSource | undefined;
}

export type BackgroundRequest = Extract<ExtensionMessage, { type: keyof BackgroundReplies }>;
export type TabRequest = Extract<ExtensionMessage, { type: keyof TabReplies }>;

export type BackgroundReply<M extends BackgroundRequest> = BackgroundReplies[M['type']];
export type TabReply<M extends TabRequest> = TabReplies[M['type']];

/**
 * Every message type has a receiver and a reply type: adding a message to
 * `ExtensionMessage` without a line in one of the maps fails to compile here.
 */
type Answered<T extends never> = T;
export type UnansweredMessages = Answered<Exclude<ExtensionMessage['type'], keyof BackgroundReplies | keyof TabReplies>>;

/**
 * A background handler's answer to `message`, checked against the map
 * (`return reply(message, answer(…))` in a `switch` on the message type).
 */
export function replyFromBackground<M extends BackgroundRequest>(
  _message: M,
  answer: Promise<BackgroundReply<M>>,
): Promise<BackgroundReply<M>> {
  return answer;
}

/** A content script's answer to `message`, checked against the map. */
export function replyFromTab<M extends TabRequest>(_message: M, answer: Promise<TabReply<M>>): Promise<TabReply<M>> {
  return answer;
}
