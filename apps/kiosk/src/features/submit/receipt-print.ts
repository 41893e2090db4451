import './receipt-print.css';

export type PrintLayout = 'thermal' | 'a4';

const pageRules: Record<PrintLayout, string> = {
  // an 80 mm thermal roll: 72 mm printable, as long as the content
  thermal: '@page { size: 80mm auto; margin: 3mm 4mm; }',
  a4: '@page { size: A4 portrait; margin: 18mm 20mm; }',
};

/** Prints the receipt in one layout: the page size is set for this print only, then removed. */
export function printReceipt(layout: PrintLayout): void {
  const style = document.createElement('style');
  style.dataset.receiptPrint = layout;
  style.textContent = pageRules[layout];
  document.head.append(style);
  const root = document.documentElement;
  root.classList.add(`print-${layout}`);
  const cleanUp = () => {
    style.remove();
    root.classList.remove(`print-${layout}`);
    window.removeEventListener('afterprint', cleanUp);
  };
  window.addEventListener('afterprint', cleanUp);
  window.print();
  // some kiosk browsers print synchronously without an afterprint event
  setTimeout(cleanUp, 1000);
}
