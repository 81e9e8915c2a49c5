// What the class server says to a page when it refuses something: a stable code and its values, sent beside its English
// message ({ error, code, params }, over HTTP and the socket alike). The English message stays for the CLI, the API and
// the logs; a Japanese page words the code from the catalogue (classroom.err.*, src/ui/locales/ja-server.ts) through
// said() in words.ts. No DOM here: the server imports it.

export const SERVER_CODES = [
  // creating a class (the teacher's form)
  'option', 'optionMin', 'optionMax', 'tooManyRounds', 'tooManyLive', 'createRate',
  // joining and rejoining (the join form)
  'joinInvalid', 'tooManyWrongCodes', 'noClass', 'classEnded', 'classFull', 'tooManyRequests', 'tooManyRequestsStudent',
  'rejoinRefused', 'nameConnected',
  // a token that no longer opens its class (every page)
  'noToken', 'unknownToken', 'revokedToken', 'expired', 'linkOver', 'unknownSeat',
  // the teacher's controls (the dashboard)
  'alreadyStarted', 'alreadyEnded', 'notRunning', 'notPaused', 'pausedResumeFirst', 'requestGone', 'teacherOnly',
  'noStudent', 'noSeat', 'noLongerSits', 'revokedNoSwap', 'seatFull', 'notSitting', 'noWorld', 'worldNotPlayed', 'roundAlreadyEnded',
  // the socket itself, and a class moving between server processes
  'tooFast', 'tooLarge', 'notJson', 'badRequest', 'noMethod', 'notAllowed', 'badArgs', 'hello', 'moving', 'processDown',
  // a student's game in a class
  'notStarted', 'gameOver', 'roundOver', 'noSaving', 'noStrategies',
  // a student's what-if timelines (a sandbox)
  'sandboxOff', 'whatIfLimit', 'nothingToUndo', 'noTimeline', 'whatIfLastRound', 'ordersInvalid', 'ordersClash', 'noTurnYet',
  // anything else
  'serverError', 'qrText', 'lanOnly',
] as const;
export type ServerCode = (typeof SERVER_CODES)[number];
/** A code's values: numbers as numbers, countries by id (a page names them), lists of names as arrays. */
export type ServerParams = Record<string, string | number | string[]>;
/** What a page reads beside the English `error`. */
export interface ServerSays { code: ServerCode; params?: ServerParams }
