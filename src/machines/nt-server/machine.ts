import { assign, setup } from 'xstate';
import type { NormalConfig } from './config';
import { hasLicensing, type ServerContext, type ServerEvent } from './context';
import * as admin from './rules/admin';
import * as autodisconnect from './rules/autodisconnect';
import * as licensing from './rules/licensing';
import * as service from './rules/service';
import * as sessions from './rules/sessions';
import * as uses from './rules/uses';

/*
 * The NT server's rules as one XState machine: sessions and uses are data (one pure machine per
 * replay, for speed); session.ts states the per-computer rules as explicit states, and the model-based
 * tests check this machine against it. Each rule lives in rules/<area>.ts and cites its source by key,
 * such as (implicit-ipc), or says "modelling choice": the keys are SOURCE_KEYS in world.ts, and
 * src/content/sources.yaml names the KB article behind each, so the model names no article. Log
 * entries carry the same keys (`cites`); the views print the articles after the text.
 */

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as NormalConfig,
  },
  guards: {
    credentialConflict: sessions.credentialConflict,
    accessDenied: sessions.accessDenied,
    noOpenFile: sessions.noOpenFile,
    leavesLeftover: sessions.leavesLeftover,
    lastConnection: sessions.lastConnection,
    useOk: uses.useOk,
    useDisconnected: uses.useDisconnected,
    noUse: uses.noUse,
    licenceExhausted: licensing.licenceExhausted,
    noLicensing: licensing.noLicensing,
    logging: licensing.logging,
    notListed: admin.notListed,
    leftoverIpc: admin.leftoverIpc,
    noSessionToDelete: admin.noSessionToDelete,
    idleExpired: autodisconnect.idleExpired,
    idleCheckMissing: autodisconnect.idleCheckMissing,
  },
  actions: {
    refuseCredentialConflict: assign(sessions.refuseCredentialConflict),
    refuseAccess: assign(sessions.refuseAccess),
    connect: assign(sessions.connect),
    refuseNoOpenFile: assign(sessions.refuseNoOpenFile),
    endSession: assign(sessions.endSession),
    leaveIpc: assign(sessions.leaveIpc),
    removeConnection: assign(sessions.removeConnection),
    openFile: assign(sessions.openFile),
    closeFile: assign(sessions.closeFile),
    noteAlreadyConnected: assign(uses.noteAlreadyConnected),
    refuseNoUse: assign(uses.refuseNoUse),
    forgetUse: assign(uses.forgetUse),
    refuseLicence: assign(licensing.refuseLicence),
    stopLogging: assign(licensing.stopLogging),
    startLogging: assign(licensing.startLogging),
    noteLicensingUnchanged: assign(licensing.noteLicensingUnchanged),
    noteNoLicensing: assign(licensing.noteNoLicensing),
    setLimit: assign(licensing.setLimit),
    refuseAdminNotListed: assign(admin.refuseAdminNotListed),
    refuseAdminLeftover: assign(admin.refuseAdminLeftover),
    forceOff: assign(admin.forceOff),
    refuseSessionDelete: assign(admin.refuseSessionDelete),
    deleteSession: assign(admin.deleteSession),
    setAutodisconnect: assign(autodisconnect.setAutodisconnect),
    autodisconnect: assign(autodisconnect.autodisconnect),
    armIdle: assign(autodisconnect.armIdle),
    disarmIdle: assign(autodisconnect.disarmIdle),
    rearmAll: assign(autodisconnect.rearmAll),
    writeRegistry: assign(service.writeRegistry),
    restart: assign(service.restart),
  },
}).createMachine({
  id: 'server',
  context: ({ input }) => ({
    version: input.version,
    limit: input.licenseLimit,
    minutes: input.autodisconnectMinutes,
    registryMinutes: input.autodisconnectMinutes,
    logging: hasLicensing(input.version) && input.licenseLogging,
    inUse: 0,
    sessions: {},
    uses: {},
    counters: { sessionsTimedOut: 0, sessionsErroredOut: 0, sessionsForcedOff: 0, sessionsLoggedOff: 0 },
    lingering: {},
    armed: [],
    log: null,
  }),
  // Activity never cancels a pending idle check (it re-arms when it fires early); this only
  // schedules one for a session that can idle out and has none.
  always: { guard: 'idleCheckMissing', actions: 'armIdle' },
  on: {
    'share.connect': [
      { guard: 'credentialConflict', actions: 'refuseCredentialConflict' },
      { guard: 'useOk', actions: 'noteAlreadyConnected' },
      { guard: 'licenceExhausted', actions: 'refuseLicence' },
      { guard: 'accessDenied', actions: 'refuseAccess' },
      { actions: 'connect' },
    ],
    'share.disconnect': [
      { guard: 'noUse', actions: 'refuseNoUse' },
      { guard: 'useDisconnected', actions: 'forgetUse' },
      { guard: 'leavesLeftover', actions: 'leaveIpc' },
      { guard: 'lastConnection', actions: 'endSession' },
      { actions: 'removeConnection' },
    ],
    'file.open': [
      { guard: 'noUse', actions: 'refuseNoUse' },
      { guard: 'useOk', actions: 'openFile' },
      // A Disconnected use reconnects transparently first (reconnect, autodisconnect-counters), as its account,
      // which could read the share when it connected.
      { guard: 'licenceExhausted', actions: 'refuseLicence' },
      { actions: ['connect', 'openFile'] },
    ],
    'file.close': [{ guard: 'noOpenFile', actions: 'refuseNoOpenFile' }, { actions: 'closeFile' }],
    'admin.disconnect': [
      { guard: 'notListed', actions: 'refuseAdminNotListed' },
      { guard: 'leftoverIpc', actions: 'refuseAdminLeftover' },
      { actions: 'forceOff' },
    ],
    'licensing.stop': [
      { guard: 'noLicensing', actions: 'noteNoLicensing' },
      { guard: 'logging', actions: 'stopLogging' },
      { actions: 'noteLicensingUnchanged' },
    ],
    'licensing.start': [
      { guard: 'noLicensing', actions: 'noteNoLicensing' },
      { guard: 'logging', actions: 'noteLicensingUnchanged' },
      { actions: 'startLogging' },
    ],
    'licensing.limit': [{ guard: 'noLicensing', actions: 'noteNoLicensing' }, { actions: 'setLimit' }],
    'autodisconnect.set': { actions: ['setAutodisconnect', 'rearmAll'] },
    'registry.autodisconnect': { actions: 'writeRegistry' },
    'server.restart': { actions: 'restart' },
    'session.delete': [
      { guard: 'noSessionToDelete', actions: 'refuseSessionDelete' },
      { actions: 'deleteSession' },
    ],
    'session.idle': [{ guard: 'idleExpired', actions: 'autodisconnect' }, { actions: 'disarmIdle' }],
  },
});
