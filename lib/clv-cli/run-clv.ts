import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvChunks } from '@/lib/import/csv-writer';
import { decodeUploadText, ImportFileError } from '@/lib/import/upload-text';
import type { ClvCliOptions } from './clv-args';
import { clvReport, failureReason, fitClvModels, meanRepeatPurchaseValue, PREDICTION_COLUMNS, predictionRows } from './clv-report';
import { readTransactionLog, TransactionLogError } from './transaction-log';

export interface ClvOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of `npm run clv`. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_NOT_CONVERGED = 2;

/**
 * Reads the log, prints the fits as one JSON object and, with an out file, writes the predictions.
 * Messages for the user go to stderr; returns the exit code.
 */
export async function runClv(options: ClvCliOptions, output: ClvOutput): Promise<number> {
  let transactions;
  try {
    transactions = await readTransactionLog(decodeUploadText(fs.createReadStream(options.transactionsFile)));
  } catch (error) {
    output.stderr(`${options.transactionsFile}: ${readProblem(error)}\n`);
    return EXIT_BAD_INPUT;
  }

  const fits = fitClvModels(transactions, { calibrationEnd: options.calibrationEnd, unit: options.unit });
  output.stdout(`${JSON.stringify(clvReport(fits), null, 2)}\n`);

  if (!fits.bgnbd.converged) {
    output.stderr(
      `BG/NBD did not converge: ${failureReason(fits.bgnbd.failure)}. ` +
        `Its parameters are not estimates${options.outFile ? `, so ${options.outFile} was not written` : ''}.\n`,
    );
    return EXIT_NOT_CONVERGED;
  }
  if (!options.outFile) return EXIT_OK;

  if (!fits.gammaGamma.converged) {
    output.stderr(
      `Gamma-Gamma did not converge: ${failureReason(fits.gammaGamma.failure)}. expected_average_value is each ` +
        `customer's own mean repeat spend, or the mean repeat purchase value ` +
        `(${meanRepeatPurchaseValue(fits.summaries).toFixed(2)}) for customers without repeat purchases.\n`,
    );
  }
  const rows = predictionRows(fits, options);
  try {
    // neutraliseFormulas stays on: customer ids come from the user's file and the output is opened in spreadsheets.
    await pipeline(Readable.from(csvChunks(rows, { header: PREDICTION_COLUMNS })), fs.createWriteStream(options.outFile));
  } catch (error) {
    output.stderr(`${options.outFile}: cannot write: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  output.stderr(`Wrote predictions for ${fits.summaries.length} customers to ${options.outFile}.\n`);
  return EXIT_OK;
}

function readProblem(error: unknown): string {
  if (error instanceof TransactionLogError || error instanceof ImportFileError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'is a directory, not a file.';
  if (code === 'EACCES') return 'permission denied.';
  throw error;
}
