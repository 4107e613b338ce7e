/** npm run clv -- --transactions FILE --calibration-end YYYY-MM-DD [--unit weeks|days] [--out FILE] [--horizon-months 12] [--discount-rate 0.01] */
import { CLV_USAGE, parseClvArgs, UsageError } from '@/lib/clv-cli/clv-args';
import { EXIT_BAD_INPUT, runClv } from '@/lib/clv-cli/run-clv';

async function main(): Promise<number> {
  let options;
  try {
    options = parseClvArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return EXIT_BAD_INPUT;
  }
  if (options === 'help') {
    console.log(CLV_USAGE);
    return 0;
  }
  return runClv(options, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = EXIT_BAD_INPUT;
  },
);
