import { afterEach, describe, expect, it } from 'vitest';
import { generalHelp } from '../../src/cli/help.js';
import { loadCommands, loadCommandSummaries } from '../../src/commands/index.js';
import { speak } from '../../src/core/i18n/speak.js';
import { LANGUAGES } from '../../src/core/i18n/language.js';
import { runCli } from '../helpers/run-cli.js';

// The general help lists each command from its words alone, without loading the commands: the
// lines must be the ones each command says of itself, in every language.
describe("the general help's list of commands", () => {
  afterEach(() => speak('en'));

  it('has every command, in the order of the rescue, with the summary the command itself gives, in every language', async () => {
    const commands = await loadCommands();
    const summaries = await loadCommandSummaries();
    expect(summaries.map((s) => s.name)).toEqual(commands.map((c) => c.name));
    for (const language of LANGUAGES) {
      speak(language);
      for (const [i, c] of commands.entries()) expect(summaries[i].summary, `${language} ${c.name}`).toBe(c.summary);
      expect(generalHelp(summaries)).toBe(generalHelp(commands));
    }
  });

  it('is what --help prints, in English and in Japanese', async () => {
    const commands = await loadCommands();
    for (const [lang, env] of [['en', { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }], ['ja', { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }]] as const) {
      speak(lang);
      const run = runCli(['--help'], { env });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(generalHelp(commands));
    }
  });
});
