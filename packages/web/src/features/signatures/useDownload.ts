import { useState } from 'react';
import { App } from 'antd';
import { errorMessage } from '../../api/client.ts';

/** Runs a download, tells the user why it failed (not signed yet, no access), and says which one is under way. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, download: () => Promise<void>) => {
    setBusy(key);
    try {
      await download();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
