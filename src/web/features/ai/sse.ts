// A small Server-Sent Events reader for the streamed generations (POST with `Accept: text/event-stream`).
// EventSource cannot POST a body nor send our CSRF header, so the dialog reads the response body itself and
// feeds its text here. Follows the HTML spec's parsing rules: lines end with \n, \r\n or \r; `data` lines join
// with \n; a blank line dispatches; lines starting with ":" are comments; an unknown field is ignored.

export type TSseEvent = { event: string; data: string; id?: string };

export type TSseParser = {
  /** Feeds decoded text; any chunk boundary works (mid-line, mid-\r\n). */
  push: (text: string) => void;
  /** The stream ended: a last event without its closing blank line is still delivered (a server may omit it). */
  end: () => void;
};

export function createSseParser(onEvent: (event: TSseEvent) => void): TSseParser {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let id: string | undefined;

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: eventName || 'message', data: data.join('\n'), ...(id === undefined ? {} : { id }) });
    eventName = '';
    data = [];
  };

  const readLine = (line: string) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  const drain = (final: boolean) => {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) break;
      // A \r at the very end may be the first half of \r\n: wait for the next chunk to know.
      if (match[0] === '\r' && match.index === buffer.length - 1 && !final) break;
      readLine(buffer.slice(0, match.index));
      buffer = buffer.slice(match.index + match[0].length);
    }
  };

  return {
    push: (text) => {
      buffer += text;
      drain(false);
    },
    end: () => {
      drain(true);
      if (buffer !== '') readLine(buffer);
      buffer = '';
      dispatch();
    },
  };
}
