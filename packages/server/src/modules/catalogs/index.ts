export {
  addCatalogItem,
  catalogLabels,
  type CatalogLabels,
  createCatalog,
  findCatalogsByCode,
  getCatalog,
  listCatalogs,
  updateCatalog,
  updateCatalogItem,
} from './service.ts';
