import { formatDecimal } from './format.js';
import type { Strings } from './strings.js';

/**
 * The tag numbers and times are written for: Latin America's (`1,234.50`, `10:05 a.m.`), as the words
 * are. A page for one country can register its own variant (`registerLocale('es-AR', { ...es, amount })`).
 */
const REGION = 'es-419';
const plural = new Intl.PluralRules(REGION);
const one = (count: number) => plural.select(count) === 'one';

/** A decimal string ("1234.50") with its decimals as given: Intl reads a string exactly, never as a float. */
function decimal(value: string): string {
  const digits = value.split('.')[1]?.length ?? 0;
  try {
    const format = new Intl.NumberFormat(REGION, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return format.format(value as unknown as number);
  } catch {
    // More decimals than Intl takes: the same separators, by hand.
    return formatDecimal(value, '.', ',');
  }
}

/**
 * Español neutro para Latinoamérica, de tú (as Azion's Spanish pages speak): "cuenta", "eliminar",
 * "presionar", "correo electrónico". Product names stay in English, as in Azion's console.
 */
export const es: Strings = {
  heading: 'Eliminar cuenta',
  deleteButton: 'Eliminar cuenta',
  intro: 'Para poder eliminar la cuenta, todo lo que aparece abajo debe estar resuelto.',
  introReadyConfirm: 'Todo lo que aparece abajo está resuelto. Para eliminar la cuenta, escribe su nombre y presiona Eliminar cuenta.',
  introReady: 'Todo lo que aparece abajo está resuelto. Para eliminar la cuenta, presiona Eliminar cuenta.',
  checkedJustNow: 'Verificado hace un momento',
  checkedMinutesAgo: (minutes) => (one(minutes) ? 'Verificado hace 1 minuto' : `Verificado hace ${minutes} minutos`),
  checkedAt: (time) => {
    const parts = new Intl.DateTimeFormat(REGION, { hour: 'numeric', minute: '2-digit' }).formatToParts(time);
    // "a la 1:05 p.m.", "a las 10:05 a.m.": the article agrees with the hour.
    const hour = parts.find((part) => part.type === 'hour')?.value;
    return `Verificado ${hour === '1' ? 'a la' : 'a las'} ${parts.map((part) => part.value).join('')}`;
  },
  checking: 'Verificando tu cuenta…',
  checksLabel: 'Verificaciones para eliminar la cuenta',
  checkAgain: 'Verificar de nuevo',
  resolve: 'Resolver',
  resolveLabel: (title) => `Resolver ${title} (se abre en una pestaña nueva)`,

  dnsZones: 'Zonas DNS',
  edgeApplications: 'Edge applications',
  debts: 'Deudas',
  resolved: 'resuelto',
  dnsZonesBlocking: (count) => (one(count) ? '1 zona activa debe desactivarse' : `${count} zonas activas deben desactivarse`),
  edgeApplicationsBlocking: (count) =>
    one(count) ? '1 edge application debe eliminarse' : `${count} edge applications deben eliminarse`,
  amount: (value, currency) => `${decimal(value)} ${currency}`,
  debtsBlocking: (amount) => `${amount} por pagar`,
  debtsBlockingNoAmount: 'hay una deuda pendiente de pago',
  unknownBlocking: 'debe resolverse',
  unavailable: 'no se pudo verificar ahora',
  andMore: (count) => `y ${count} más`,
  listSeparator: ', ',

  consequencesHeading: 'Qué sucede al eliminar la cuenta',
  consequences: [
    'La eliminación no se puede deshacer.',
    'La información de tu cuenta se conserva para auditorías posteriores.',
    'Recibirás un correo electrónico de confirmación.',
    'Puedes crear una cuenta nueva cuando quieras.',
  ],

  confirmLabel: 'Escribe el nombre de la cuenta para confirmar',
  confirmHint: (name) => `El nombre de la cuenta es “${name}”.`,

  reasonChecking: 'Espera a que termine la verificación de la cuenta',
  reasonCheckFailed: 'No se pudo verificar la cuenta',
  reasonBlocked: (count) => (one(count) ? 'Primero resuelve 1 elemento' : `Primero resuelve ${count} elementos`),
  reasonConfirm: 'Primero escribe el nombre de la cuenta',
  reasonMismatch: 'El nombre escrito todavía no coincide con el nombre de la cuenta',
  notDeletable: 'El servidor todavía no permite eliminar esta cuenta. Verifica de nuevo más tarde o comunícate con soporte.',
  reasonDeleting: 'La cuenta se está eliminando',
  reasonRefused: 'El servidor rechazó la eliminación de esta cuenta',
  reasonSignIn: 'Primero inicia sesión de nuevo',
  reasonSignedOut: 'Inicia sesión de nuevo y luego verifica otra vez',

  readySummary: 'Ya nada impide la eliminación.',
  blockedSummary: (count) => (one(count) ? '1 elemento impide la eliminación.' : `${count} elementos impiden la eliminación.`),
  deleting: 'Eliminando tu cuenta…',
  deleted: 'Tu cuenta se eliminó correctamente.',
  emailOnItsWay: 'Un correo electrónico de confirmación va en camino.',
  auditNote: 'La información de tu cuenta se conserva para auditorías posteriores, y puedes crear una cuenta nueva cuando quieras.',
  redirecting: (seconds) =>
    one(seconds) ? 'Te llevaremos a la siguiente página en 1 segundo.' : `Te llevaremos a la siguiente página en ${seconds} segundos.`,
  goNow: 'Ir ahora',
  stayHere: 'Quedarse en esta página',
  stayed: 'Te quedas en esta página hasta que decidas salir.',
  redirectRefused: 'La dirección de la siguiente página no es segura, así que te quedas aquí. Ya puedes cerrar esta página.',
  feedback: 'Cuéntanos cómo fue tu experiencia',
  signup: 'Crear una cuenta nueva',
  contactSupport: 'comunícate con soporte',
  close: 'Cerrar',
  cannotClose: 'La cuenta se está eliminando: esta ventana permanece abierta hasta que termine la eliminación.',
  cannotCloseDeleted: 'La cuenta se eliminó: esta ventana permanece abierta hasta que te llevemos a la siguiente página.',

  errorRefused: (status) => `El servidor rechazó la solicitud (código ${status}).`,
  errorConflict: 'Algo cambió desde la última verificación: resuelve los elementos de la lista de verificaciones y luego verifica de nuevo.',
  errorConflictUnexplained:
    'El servidor rechazó la eliminación, aunque ahora nada la impide. No se eliminó nada. Presiona Eliminar cuenta para intentarlo de nuevo; si vuelve a pasar, comunícate con soporte.',
  errorReauth: 'Por tu seguridad, inicia sesión de nuevo antes de eliminar la cuenta. No se eliminó nada.',
  errorReauthMayBeDeleted:
    'Por tu seguridad, inicia sesión de nuevo antes de eliminar la cuenta. Es posible que el intento anterior ya la haya eliminado: en ese caso, un correo electrónico de confirmación va en camino.',
  errorSignedOut: 'Tu sesión se cerró. Inicia sesión de nuevo y luego verifica otra vez.',
  errorSignedOutMayBeDeleted:
    'Tu sesión se cerró, lo que puede significar que la cuenta se eliminó: en ese caso, un correo electrónico de confirmación va en camino. Si no, inicia sesión de nuevo y luego verifica otra vez.',
  errorCheckAfterLostDelete:
    'La eliminación anterior no se confirmó: es posible que la cuenta ya se haya eliminado y, en ese caso, un correo electrónico de confirmación va en camino.',
  errorRateLimited: (seconds) =>
    seconds === undefined
      ? 'Demasiados intentos. Espera un momento y vuelve a intentarlo.'
      : `Demasiados intentos. Espera ${seconds} ${one(seconds) ? 'segundo' : 'segundos'} y vuelve a intentarlo.`,
  errorRateLimitedCheck: (seconds) =>
    seconds === undefined
      ? 'Demasiados intentos. Espera un momento y luego verifica de nuevo.'
      : `Demasiados intentos. Espera ${seconds} ${one(seconds) ? 'segundo' : 'segundos'} y luego verifica de nuevo.`,
  errorServerCheck: (status) =>
    `El servidor tuvo un problema (código ${status}), así que no se pudo verificar la cuenta. Verifica de nuevo en un momento.`,
  errorServerDelete: (status) =>
    `El servidor tuvo un problema (código ${status}) y la eliminación no se confirmó. Presiona Eliminar cuenta de nuevo: es seguro, la cuenta no se puede eliminar dos veces.`,
  errorInProgressDelete:
    'La eliminación todavía está en curso en el servidor, así que aún no se confirmó. Espera un momento y presiona Eliminar cuenta de nuevo: es seguro, la cuenta no se puede eliminar dos veces.',
  errorConnectionCheck: 'No llegó ninguna respuesta del servidor. Revisa tu conexión y luego verifica de nuevo.',
  errorConnectionDelete:
    'No llegó ninguna respuesta del servidor, así que la eliminación no se confirmó. Revisa tu conexión y luego presiona Eliminar cuenta de nuevo: es seguro.',
  errorTimeoutCheck: 'El servidor tardó demasiado en responder. Verifica de nuevo.',
  errorTimeoutDelete:
    'El servidor tardó demasiado en responder, así que la eliminación no se confirmó. Presiona Eliminar cuenta de nuevo: es seguro.',
  errorUnreadableCheck:
    'No se pudo leer la respuesta del servidor, así que la eliminación sigue bloqueada. Verifica de nuevo o, si esto se repite, comunícate con soporte.',
  errorUnreadableDelete:
    'No se pudo leer la respuesta del servidor, así que la eliminación no se confirmó. Presiona Eliminar cuenta de nuevo: es seguro, la cuenta no se puede eliminar dos veces.',
  errorInterruptedDelete:
    'La eliminación se interrumpió antes de que el servidor respondiera. Presiona Eliminar cuenta de nuevo para asegurarte: es seguro.',
  errorServerSaidNext: 'Si crees que es un error, comunícate con soporte.',
  errorUnexpected: 'Ocurrió algo inesperado, así que la eliminación sigue bloqueada. Verifica de nuevo.',
  reference: (requestId) => `Referencia: ${requestId}`,
};
