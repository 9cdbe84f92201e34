import type { AttemptStatus } from '../../api/attempts.js';
import type { BankFormat } from '../../api/banks.js';
import type { Difficulty, QuestionKind } from '../../domain/questions.js';

/**
 * The staff side of computer tests in the proctor console: question banks and their import, a
 * sitting's test paper (blueprint), and the students' attempts as the proctor follows them.
 */
export const staffEn = {
  nav: {
    label: 'Console sections',
    sittings: 'Sittings',
    banks: 'Question banks',
  },
  difficulty: {
    simple: 'Simple',
    medium: 'Medium',
    hard: 'Hard',
  } satisfies Record<Difficulty, string>,
  kinds: {
    single: 'One answer',
    multiple: 'Several answers',
    true_false: 'True/false',
    short_answer: 'Short answer',
  } satisfies Record<QuestionKind, string>,
  banks: {
    title: 'Question banks',
    intro:
      'Computer tests draw each student’s paper from a bank of their discipline. A bank is made by importing one file from the teacher and is not edited afterwards: to change it, import the corrected file as a new bank.',
    listTitle: 'Banks',
    empty: 'No question banks yet.',
    discipline: 'Discipline',
    bankTitle: 'Bank',
    total: 'Total',
    imported: 'Imported',
    notAllowed: 'Question banks are kept by the dean’s office and administrators.',
  },
  import: {
    title: 'Import a bank from a file',
    help: 'File formats and examples',
    file: 'File',
    fileHint: 'GIFT or Aiken (.txt, .gift) or the CSV template (.csv), saved as UTF-8 text.',
    format: 'Format',
    chooseFormat: 'Choose the format',
    formatNeeded: 'A .txt file may be GIFT or Aiken: choose which.',
    formats: {
      gift: 'GIFT (Moodle)',
      aiken: 'Aiken',
      csv: 'CSV template',
    } satisfies Record<BankFormat, string>,
    discipline: 'Discipline',
    chooseDiscipline: 'Choose the discipline',
    bankTitle: 'Bank title',
    defaults: 'For questions the file gives no difficulty or topic',
    defaultDifficulty: 'Default difficulty',
    noDefault: 'None (such a question is an error)',
    defaultTopic: 'Default topic',
    optional: 'optional',
    submit: 'Import',
    another: 'Import another file',
    reading: 'Reading the file: {{percent}} %',
    uploading: 'Uploading: {{percent}} %',
    checking: 'Checking the questions…',
    progressLabel: 'Import progress',
    emptyFile: 'The file is empty.',
    tooLarge: 'The file has more than {{megabytes}} MB of text. Split it into several banks.',
    readFailed: 'The file could not be read. Choose it again.',
    done: '“{{title}}” is imported: {{total}} questions.',
    byDifficulty: 'By difficulty',
    byKind: 'By kind',
    rejectedTitle: 'Nothing was imported',
    rejectedIntro: 'Fix these lines of {{file}} and import the whole file again.',
    line: 'Line {{line}}',
    reasonsInEnglish: 'The reasons are given in English, as the importer writes them.',
    truncated: 'The file has more errors than are shown here. Fix these and import again to see the rest.',
    fields: {
      file: 'Choose the file to import.',
      format: 'Choose the file’s format.',
      title: 'Enter a title of up to 200 characters.',
      disciplineId: 'Choose a discipline from the list.',
      defaultTopic: 'The topic may have up to {{count}} characters.',
    },
  },
  formats: {
    title: 'File formats for question banks',
    back: 'Back to the question banks',
    intro:
      'A bank is imported from one text file saved as UTF-8. All or nothing: if anything in the file is wrong, nothing is imported and you see each problem with its line number. Fix them and import the file again.',
    giftTitle: 'GIFT (Moodle)',
    gift: 'What Moodle exports. One answer, several answers, true/false and short answer. Questions are separated by a blank line; the answers follow the question text in braces.',
    giftRules:
      '{=right ~wrong} one answer; {~%50%right ~%50%right ~%-100%wrong} several answers (the right weights add up to 100 %); {T} or {F} true/false; {=answer =another answer} short answer.',
    giftRefused:
      'Refused: numerical, matching, missing-word and essay questions, partial credit, images. Feedback (#…) is read and dropped.',
    aikenTitle: 'Aiken',
    aiken:
      'Moodle’s simplest format, one right answer per question: the question text, the options A. B. C. one per line (Latin letters), then ANSWER: with the right letter.',
    csvTitle: 'CSV template',
    csv: 'Made in Excel or LibreOffice and saved as “CSV UTF-8”; comma, semicolon or tab. One header row, then one question per row. Columns: kind, difficulty, topic, question, option_a … option_j, correct; discipline and comment may be added.',
    csvRules:
      'kind is single, multiple, true_false or short_answer. correct is one letter (B), several letters (A;C), true or false, or the accepted answers separated by |.',
    difficultyTitle: 'Difficulty and topic',
    difficulty:
      'Papers are drawn by difficulty, so every question needs one: simple, medium or hard (also простой, средний, сложный; жеңіл, орташа, қиын; 1, 2, 3). In GIFT and Aiken a comment line // difficulty: hard or // topic: SQL applies to every question after it; in CSV they are columns. Otherwise the defaults chosen on the import form apply.',
    disciplineTitle: 'Discipline',
    discipline:
      'The bank belongs to the discipline chosen on the import form. A file may name its discipline as a safeguard (// discipline: CS201, or a discipline column); then it must be the same one, or the file is refused.',
    limitsTitle: 'Limits',
    limits:
      'Up to {{megabytes}} MB of text and {{questions}} questions; question text up to {{stem}} characters; {{minOptions}} to {{maxOptions}} options of up to {{option}} characters. The same question twice in one file is refused.',
    examplesTitle: 'Example files',
    examples:
      'Examples in Kazakh, Russian and English with every question kind and all three difficulties come with the platform (in its source: server/src/banks/import/examples). Ask your administrator for them:',
    exampleFiles: {
      gift: 'GIFT',
      aiken: 'Aiken',
      csv: 'CSV template',
      excel: 'CSV as Excel saves it in a Russian locale',
    },
  },
  testPaper: {
    title: 'Test paper',
    intro: 'How many questions of each difficulty every student’s paper has, drawn at random from the bank.',
    notSet: 'The test paper is not set up yet: students cannot start the test.',
    bank: 'Question bank',
    chooseBank: 'Choose a bank',
    bankOption: '{{title}} ({{total}} questions)',
    noBanks: 'This discipline has no question bank yet. Import one on the Question banks page.',
    available: 'available: {{count}}',
    perPaper: 'Questions on a paper: {{count}}',
    shuffleQuestions: 'Shuffle the order of questions',
    shuffleOptions: 'Shuffle the order of answer options',
    save: 'Save the test paper',
    saving: 'Saving…',
    saved: 'Saved.',
    tooFew: 'The bank has only {{count}}.',
    emptyPaper: 'A paper needs at least one question.',
    chooseBankFirst: 'Choose the question bank.',
    wrongBank: 'Choose a bank of this discipline.',
    invalidCount: 'Enter a whole number from 0 to 500.',
  },
  attempts: {
    column: 'Test',
    notStarted: 'Not started',
    status: {
      in_progress: 'In progress',
      suspended: 'Suspended',
      finished: 'Finished',
      timed_out: 'Time up',
      voided: 'Voided',
      terminated: 'Terminated',
    } satisfies Record<AttemptStatus, string>,
    paused: 'Paused',
    attempt: 'Attempt {{number}}',
    answered: 'Answered {{answered}} of {{total}}',
    timeLeft: 'Time left {{time}}',
    result: 'Result {{percent}} %',
    pause: 'Pause',
    resume: 'Resume',
    pauseLabel: 'Pause the test of {{name}}',
    resumeLabel: 'Resume the test of {{name}}',
  },
};

export type StaffCatalogue = typeof staffEn;
