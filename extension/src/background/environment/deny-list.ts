/**
 * Extensions that help a student cheat: AI answer helpers, screenshot/screen-recording tools and
 * remote-desktop helpers. Matched by id (exact) or by a keyword in the name (case-insensitive,
 * whole words). Keep it short and obvious: anything here is reported as `risky_extension`, which
 * a proctor reviews — it does not block the exam. Add entries with the reason in a comment.
 */
export const DENY_LIST = {
  ids: {
    // Chrome Remote Desktop: someone else can drive the student's screen.
    inomeogfingihgjfjlpeplalcfajhgai: 'remote desktop',
  } as Record<string, string>,
  nameKeywords: {
    chatgpt: 'AI assistant',
    gpt: 'AI assistant',
    openai: 'AI assistant',
    claude: 'AI assistant',
    gemini: 'AI assistant',
    copilot: 'AI assistant',
    perplexity: 'AI assistant',
    deepseek: 'AI assistant',
    'ai assistant': 'AI assistant',
    'quiz solver': 'answer helper',
    'answer finder': 'answer helper',
    'homework helper': 'answer helper',
    cheat: 'answer helper',
    brainly: 'answer helper',
    chegg: 'answer helper',
    quizlet: 'answer helper',
    photomath: 'answer helper',
    screenshot: 'screenshot tool',
    'screen capture': 'screenshot tool',
    'screen recorder': 'screen recorder',
    'screen recording': 'screen recorder',
    loom: 'screen recorder',
    'remote desktop': 'remote desktop',
    teamviewer: 'remote desktop',
    anydesk: 'remote desktop',
  } as Record<string, string>,
};
