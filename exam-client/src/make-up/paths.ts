/** Where the "Missed exams" page lives (App.tsx mounts it). */
export const makeUpPaths = { missed: '/make-up' };
